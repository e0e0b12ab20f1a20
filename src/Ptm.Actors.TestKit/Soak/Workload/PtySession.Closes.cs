using Ptm.Actors.TestKit.Soak.Oracle;


namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// What the closes do besides closing. A close of a descriptor without O_NONBLOCK first waits,
/// at most 15 s, for its side's queue to drain into the peer (H3); the checker needs to know
/// which manager closes drain and whether one ran its time out, since only then may it discard.
///
/// Manager output held for a subsidiary that has gone (PD5, D16). At the subsidiary's last close
/// ptm keeps what flow control held: nothing services its queue again, the manager's writes
/// queue behind it (or stay blocked), a manager ioctl waits behind it for ever (H5, H6), and a
/// blocking manager close waits its whole 15 s for it to drain (H3). Only a manager FLUSHW (D4)
/// or the manager's close ends that. So after such a close the session either flushes, or
/// reopens with the output held and flushes within a few operations (proving on the way that the
/// new subsidiary never receives it), or closes the manager: at once when non-blocking (L14),
/// rarely a blocking close that waits out its 15 s. It never reopens while a manager write of
/// the old epoch is still in flight: a flush would resume it after the new subsidiary had
/// connected, and its remaining bytes would go there (the one way PD5 lets old output through).
/// </summary>
internal sealed partial class PtySession
{
    /// <summary>The manager descriptor was opened O_NONBLOCK: its close does not drain (H3, L14).</summary>
    private bool _managerNonBlocking;

    /// <summary>The manager's close in progress drains first (H3); when it began.</summary>
    private bool _managerCloseDrains;
    private long _managerCloseStarted;

    /// <summary>
    /// ptm may hold output for a subsidiary that has gone (PD5): a subsidiary closed with manager
    /// bytes not read or a manager write in flight, and no manager FLUSHW since.
    /// </summary>
    private bool _heldOutputPossible;

    /// <summary>In an epoch reopened with output held: control operations left before the manager flushes it.</summary>
    private int _heldFlushDue;

    /// <summary>Bytes the subsidiary read of the current epoch's m->s stream.</summary>
    private long _m2sReceived;

    /// <summary>Before the manager's close: whether it drains first (H3): not when non-blocking (L14) nor for a crash (PD13).</summary>
    private bool BeginManagerClose(long now)
    {
        _managerCloseDrains = _endHow != SideEnd.Crash && !_managerNonBlocking;
        _managerCloseStarted = now;
        return _managerCloseDrains;
    }

    /// <summary>After it: a draining close that took the whole close time discarded what had not drained (H3, L14).</summary>
    private bool ManagerCloseDrainExpired(long now) =>
        _managerCloseDrains && now - _managerCloseStarted >= SoakDriver.CloseTime.Ticks;

    /// <summary>The subsidiary of the epoch is gone and its EOF read (L13): reopen it (L11) or close the manager, once PD5 allows.</summary>
    private bool SettleHeldOutput(long now)
    {
        if (CrashLoneManager(now)) return true; // PtySession.Reopens.cs
        var early = _reopenBeforeEof; // reopen_before_eof: the EOF may still be unread (L13, R7)
        var reopen = (_managerReadEpoch > _epoch || early) && !_driver.Stopping && (_reopensLeft > 0 || early);
        if (_heldOutputPossible && MustFlushHeld(reopen)) return Goto(ControlStep.FlushHeld, now);
        if (reopen && _managerWriter.Busy)
        {
            // The FLUSHW resumed it (its next packet meets no subsidiary, D9, PD4); wait for it to return.
            if (!Waited(now)) return Pause(now);
            reopen = false; // it never returned: do not let it meet a new subsidiary; the checker reports the hung call
        }
        if (reopen)
        {
            if (_reopensLeft > 0) _reopensLeft--;
            if (_heldOutputPossible) _heldFlushDue = Between(1, 8);
            return Goto(ControlStep.OpenSubsidiary, now);
        }
        _reopenBeforeEof = false;
        // Not reopening after all: the manager reads the EOF first, as before any orderly close (L13).
        if (early && _managerReadEpoch <= _epoch) return Goto(ControlStep.AwaitEof, now);
        return Goto(ControlStep.EndManager, now);
    }

    private bool MustFlushHeld(bool reopen)
    {
        if (reopen) return _managerWriter.Busy || Chance(0.5);
        if (_driver.Stopping) return true; // no 15 s waits in the teardown
        if (_managerNonBlocking) return Chance(0.5); // L14: the close discards it at once
        return !Chance(_driver.HeldBlockingCloseChance); // H3: the close drains for its whole 15 s, then discards
    }

    /// <summary>I_FLUSH FLUSHW on the manager: empties ptm's queue and resumes whatever waits on it (D4, PD5).</summary>
    private bool FlushHeldOutput(long now)
    {
        Emit(new DiscardWindowOpened(new StreamKey(Id, Direction.ManagerToSubsidiary, _epoch), DiscardReason.Flush));
        Begin(_control, "flush_m", now);
        Issue(_control, Posix.DiscardAsync(_managerFd, FlushFlags.FLUSHW));
        return true;
    }

    private void OnHeldOutputFlushed(long now)
    {
        // With no subsidiary there is nothing in flight beyond ptm: the flush has taken effect when it returns.
        Emit(new DiscardWindowClosed(new StreamKey(Id, Direction.ManagerToSubsidiary, _epoch), DiscardReason.Flush));
        _heldOutputPossible = false; // an EINVAL means the sticky error of PD4, whose M_ERROR flushed ptm's queue already (D9)
        Goto(ControlStep.SettleHeld, now);
    }

    /// <summary>
    /// In an epoch reopened with output held: flush it after a few operations, and before the
    /// epoch ends (a blocking manager close would wait 15 s for it, H3), except by a crash.
    /// </summary>
    private bool HeldFlushDue() =>
        _heldOutputPossible &&
        (--_heldFlushDue <= 0 || ShouldEnd() && _pendingEndFault is not (FaultKind.CrashManager or FaultKind.CrashSubsidiary));
}
