using Ptm.Actors.TestKit.Faults;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// The paths an orderly script never takes, each a fault of its own:
/// * crash_lone_manager: the manager crashes while no subsidiary is open (right after ptsname,
///   or between epochs), so its minor must be freed at once (PD13, L16);
/// * reopen_before_eof: the subsidiary is reopened (L11) as soon as its last close returns, while
///   the manager may not yet have read that epoch's EOF; the EOF still comes before any byte of
///   the new epoch (L13, R7: the new stream starts only after the old one is gone);
/// * reopen_after_crash: the subsidiary crashes and is reopened in the same step, before the
///   crash's death notice may have reached the manager (PD13, R13). A new stream starts only after
///   the Clone has seen the old one's Terminated, so the open's success proves the crash, and the
///   manager ends the old epoch before it connects the new one (ManagerActor.Connect): the
///   crash's EOF still comes before the new epoch's data.
/// </summary>
internal sealed partial class PtySession
{
    /// <summary>The epoch's subsidiary crashes (PD13); with reopen_after_crash the new open goes out in the same step.</summary>
    private bool CrashSubsidiary(long now)
    {
        var reopen = _reopenAfterCrash && !_managerWriter.Busy && !_driver.Stopping;
        Emit(new FaultInjected(reopen ? FaultKind.ReopenAfterCrash : FaultKind.CrashSubsidiary, Id));
        if (reopen && !_probe.Busy)
        {
            // A manager poll queued in the same step keeps the manager's mailbox busy while the
            // crash lands, so its death notice may queue behind the new subsidiary's introduction (R13).
            Begin(_probe, "poll_m", now);
            Issue(_probe, Posix.PollAsync(_managerFd));
        }
        Begin(_control, "crash_s", now);
        Issue(_control, Posix.CrashAsync(_subsidiaryFd));
        // The crash is only sent (its call returns at once): take its result now and open while it lands.
        if (!reopen || !_control.Completed || !Complete(_control, now).IsOk) return true;
        _crashedFd = _subsidiaryFd;
        _step = ControlStep.ReopenAfterCrash;
        Begin(_control, "open_pts", now);
        Issue(_control, Posix.OpenAsync(_path, OpenFlags.NoCtty, null, _driver.Abandon));
        return true;
    }

    private void OnReopenedAfterCrash(SysResult result, long now)
    {
        if (!result.IsOk)
        {
            // No new stream: confirm the crash and end the epoch as after any crash.
            _crashedFd = -1;
            _reopensLeft = 0;
            Goto(ControlStep.ConfirmSubsidiaryCrash, now);
            return;
        }
        // The open's success proves the old stream gone (R7, PD13): its epoch's last close is over.
        Emit(new SubsidiaryClosed(Id, _epoch));
        if (_heldOutputPossible) _heldFlushDue = Between(1, 8); // PD5: what ptm held stays held; flushed soon (PtySession.Closes.cs)
        if (_reopensLeft > 0) _reopensLeft--;
        BeginEpoch((int)result.Value);
        Goto(ControlStep.CloseReopenedCrash, now); // the crashed descriptor first, then the epoch's script
    }

    /// <summary>The last close has returned: reopen at once instead of waiting for the manager to read the EOF.</summary>
    private bool ReopenBeforeEof(long now)
    {
        if (_managerReadEpoch <= _epoch && !_driver.Stopping) Emit(new FaultInjected(FaultKind.ReopenBeforeEof, Id));
        _endHow = SideEnd.Close;
        return Goto(ControlStep.SettleHeld, now);
    }

    /// <summary>crash_lone_manager, when due and no subsidiary is open: the manager crashes now. False otherwise.</summary>
    private bool CrashLoneManager(long now)
    {
        if (!_loneCrashDue || _subsidiaryOpen || _driver.Stopping || IsBurst) return false;
        _loneCrashDue = false;
        _endHow = SideEnd.Crash;
        return Goto(ControlStep.EndManager, now);
    }

    /// <summary>A subsidiary open succeeded: a new epoch (L11) on this descriptor.</summary>
    private void BeginEpoch(int fd)
    {
        _subsidiaryFd = fd;
        _epoch++;
        Emit(new SubsidiaryOpened(Id, _epoch));
        _subsidiaryOpen = true;
        _subsidiaryClosing = false;
        ResetEpochData();
        if (_terminalSession) _writeBudget[0] = _writeBudget[1] = 0; // no pattern data before the modules (BeginTerminalEpoch)
        _opsLeft = Between(4, 40);
        _pendingEndFault = null;
        _reopenBeforeEof = false;
        _reopenAfterCrash = false;
        _abruptTries = 0;
    }

    private void StartEpochScript(long now)
    {
        if (_terminalSession) BeginTerminalEpoch(now); // ptem and ldterm first (PtySession.Terminal.cs)
        else Goto(ControlStep.Active, now);
    }
}
