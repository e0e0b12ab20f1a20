using Ptm.Actors.Pty;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// The control lane while an epoch streams: polls, unknown ioctls (EINVAL, D2, D7, D8),
/// flushes inside discard windows (D4, D5, D6), extra opens of the subsidiary that join its stream
/// (L9) and their closes; then the choice of how the epoch ends.
/// </summary>
internal sealed partial class PtySession
{
    private bool StepActive(long now)
    {
        if (_flushSettle > 0) return StepFlushSettle(now);
        if (_terminalEpoch) return StepTerminal(now); // no held output (PD5) arises there: no pattern data is written
        if (HeldFlushDue()) return StartFlush(now, Side.Manager, Chance(0.5) && !EarlierEofUnread ? FlushFlags.FLUSHRW : FlushFlags.FLUSHW);
        if (ShouldEnd()) return ChooseEnding(now);
        _opsLeft--;
        var roll = _random.Next(10);
        switch (roll)
        {
            case 0:
                Begin(_control, "poll_m", now, ActiveCall.PollManager);
                Issue(_control, Posix.PollAsync(_managerFd));
                return true;
            case 1:
                Begin(_control, "poll_s", now, ActiveCall.PollSubsidiary);
                Issue(_control, Posix.PollAsync(AnySubsidiaryFd()));
                return true;
            case 2 when !_heldOutputPossible: // H5: it would wait behind the held output for ever (PD5)
                Begin(_control, "ioctl_m", now, ActiveCall.IoctlManager);
                Issue(_control, Posix.IoctlAsync(_managerFd, UnknownIoctl));
                return true;
            case 3:
                Begin(_control, "ioctl_s", now, ActiveCall.IoctlSubsidiary);
                Issue(_control, Posix.IoctlAsync(AnySubsidiaryFd(), UnknownIoctl, null, null, _driver.Abandon));
                return true;
            case 4:
                var side = Chance(0.5) ? Side.Manager : Side.Subsidiary;
                var flags = (FlushFlags)Between(1, 3);
                if (EarlierEofUnread && FlushScope.Touches(side, flags, Direction.SubsidiaryToManager)) goto default;
                return StartFlush(now, side, flags);
            case 5 when _extraFds.Count < 3:
                Begin(_control, "open_pts_extra", now, ActiveCall.OpenExtra);
                Issue(_control, Posix.OpenAsync(_path, OpenFlags.NoCtty | OpenFlags.NonBlock, null, _driver.Abandon));
                return true;
            case 6 when _extraFds.Count > 0:
                Begin(_control, "close_s_extra", now, ActiveCall.CloseExtra);
                Issue(_control, Posix.CloseAsync(_extraFds[^1]));
                return true;
            default:
                _control.WakeTicks = now + Millis(1, 20);
                return false;
        }
    }

    private int _flushSettle;
    private Side _flushSide;
    private FlushFlags _flushFlags;

    private void Begin(SoakCall lane, string operation, long now, ActiveCall call)
    {
        Begin(lane, operation, now);
        _activeCall = call;
    }

    /// <summary>
    /// The subsidiary was reopened before the manager read an earlier epoch's EOF (reopen_before_eof,
    /// reopen_after_crash): that epoch's tail and EOF wait in the manager's read queue, ahead of
    /// this epoch's bytes (L13, R7). A flush of the manager's read side would discard them (D4,
    /// D5, D6) and the manager could no longer tell the epochs apart, so none is issued until then.
    /// </summary>
    private bool EarlierEofUnread => _managerReadEpoch < _epoch && !_managerReaderStopped;

    private int AnySubsidiaryFd() => _extraFds.Count > 0 && Chance(0.5) ? _extraFds[_random.Next(_extraFds.Count)] : _subsidiaryFd;

    private bool ShouldEnd()
    {
        if (_driver.Stopping || _pendingEndFault is not null || _opsLeft <= -100) return true;
        var managerDone = _managerWritesBroken || _writerStopped[0] || _writeOffset[0] >= _writeBudget[0];
        var subsidiaryDone = _writerStopped[1] || _writeOffset[1] >= _writeBudget[1];
        return _opsLeft <= 0 && managerDone && subsidiaryDone;
    }

    private bool ChooseEnding(long now)
    {
        _writerStopped[0] = true; // no new writes from here; the ending decides whether to wait for the one in flight
        _writerStopped[1] = true;
        if (_driver.Stopping) return EndManagerFirst(SideEnd.Close, midWrite: true, now);
        switch (_pendingEndFault)
        {
            case FaultKind.CrashManager: return EndManagerFirst(SideEnd.Crash, midWrite: true, now);
            case FaultKind.CrashSubsidiary: return EndSubsidiaryFirst(SideEnd.Crash, midWrite: true, now);
            case FaultKind.ReopenBeforeEof:
                _reopenBeforeEof = true;
                return EndSubsidiaryFirst(SideEnd.Close, midWrite: Chance(0.5), now);
            case FaultKind.ReopenAfterCrash:
                // Quiesced first: a manager write of the old epoch in flight must not meet the new subsidiary (PD5).
                _reopenAfterCrash = true;
                _writerStopped[1] = false; // the subsidiary writes on into its crash
                return EndSubsidiaryFirst(SideEnd.Crash, midWrite: false, now);
            case FaultKind.AbruptClose:
                // Close a side while one of its calls is blocked (a reader waiting for data, a writer held by flow control).
                if (_managerReader.Busy || _managerWriter.Busy) { Emit(new FaultInjected(FaultKind.AbruptClose, Id)); return EndManagerFirst(SideEnd.AbruptClose, midWrite: true, now); }
                if (_subsidiaryReader.Busy || _subsidiaryWriter.Busy) { Emit(new FaultInjected(FaultKind.AbruptClose, Id)); return EndSubsidiaryFirst(SideEnd.AbruptClose, midWrite: true, now); }
                if (++_abruptTries < 50) return Pause(now);
                break;
        }
        var choice = _random.NextDouble();
        if (choice < 0.4) return EndSubsidiaryFirst(SideEnd.Close, midWrite: false, now);
        if (choice < 0.8) return EndManagerFirst(SideEnd.Close, midWrite: false, now);
        return choice < 0.9 ? EndSubsidiaryFirst(SideEnd.Close, midWrite: true, now) : EndManagerFirst(SideEnd.Close, midWrite: true, now);
    }

    private bool EndSubsidiaryFirst(SideEnd how, bool midWrite, long now)
    {
        _endHow = how;
        return midWrite ? Goto(ControlStep.CloseExtras, now, then: ControlStep.EndSubsidiary) : Goto(ControlStep.QuiesceSubsidiary, now);
    }

    private bool EndManagerFirst(SideEnd how, bool midWrite, long now)
    {
        _endHow = how;
        _writerStopped[1] = false; // the subsidiary writes on until the hang-up fails it EIO (L15)
        // An orderly close comes after the EOF of every finished epoch (L13): after an early reopen, wait for them.
        return Goto(midWrite && !EarlierEofUnread ? ControlStep.EndManager : ControlStep.QuiesceManager, now);
    }

    /// <summary>
    /// The peer flushes when the M_FLUSH gets there, and a manager FLUSHR comes back as FLUSHR to
    /// the manager's read side (D4, D5, D6). I_FLUSH returns only after a round trip behind those
    /// messages (H6), and then a poll of the peer, then of the flushing side, queues behind
    /// anything still on its way (mailboxes are FIFO): a second fence that costs two polls, so
    /// when the second poll returns the flush has taken effect everywhere and the windows may close.
    /// </summary>
    private bool StepFlushSettle(long now)
    {
        var peerFirst = _flushSettle == 2;
        var managerPoll = peerFirst == (_flushSide == Side.Subsidiary);
        Begin(_control, managerPoll ? "poll_m" : "poll_s", now, ActiveCall.FlushSettle);
        Issue(_control, Posix.PollAsync(managerPoll ? _managerFd : _subsidiaryFd));
        return true;
    }

    private bool StartFlush(long now, Side side, FlushFlags flags)
    {
        // H6: a manager FLUSHR alone would wait behind held output for ever (PD5); FLUSHW empties it first.
        if (side == Side.Manager && _heldOutputPossible) flags |= FlushFlags.FLUSHW;
        _flushSide = side;
        _flushFlags = flags;
        // Before: a window on every stream this flush may discard from (D4, D5, D6; PD14 lets a flush discard).
        _flushWindowCount = 0;
        for (var d = 0; d < 2; d++)
        {
            var direction = (Direction)d;
            if (!FlushScope.Touches(side, flags, direction)) continue;
            var key = new StreamKey(Id, direction, _epoch);
            Emit(new DiscardWindowOpened(key, DiscardReason.Flush));
            _flushWindows[_flushWindowCount++] = key;
        }
        Begin(_control, side == Side.Manager ? "flush_m" : "flush_s", now, ActiveCall.Flush);
        Issue(_control, Posix.DiscardAsync(side == Side.Manager ? _managerFd : _subsidiaryFd, flags));
        return true;
    }

    private void OnActiveCallCompleted(SysResult result, long now)
    {
        var call = _activeCall;
        _activeCall = ActiveCall.None;
        switch (call)
        {
            case ActiveCall.PollManager:
                if (result.IsOk && ((PollEvents)result.Value & PollEvents.POLLHUP) != 0) Emit(new ManagerHangupSeen(Id));
                break;
            case ActiveCall.PollSubsidiary:
                if (result.IsOk && ((PollEvents)result.Value & PollEvents.POLLHUP) != 0 && !_subsidiaryClosing) Emit(new HangupSeen(Id, _epoch));
                break;
            case ActiveCall.Flush:
                _flushSettle = 2;
                if (_flushSide == Side.Manager && _flushFlags.HasFlag(FlushFlags.FLUSHW)) _heldOutputPossible = false; // D4, PD5
                break;
            case ActiveCall.FlushSettle:
                if (--_flushSettle == 0)
                {
                    for (var i = 0; i < _flushWindowCount; i++) Emit(new DiscardWindowClosed(_flushWindows[i], DiscardReason.Flush));
                    _flushWindowCount = 0;
                }
                return; // no pause: the windows should not stay open longer than needed
            case ActiveCall.OpenExtra:
                if (result.IsOk) _extraFds.Add((int)result.Value);
                break;
            case ActiveCall.CloseExtra:
                _extraFds.RemoveAt(_extraFds.Count - 1);
                break;
            case ActiveCall.Terminal:
                OnTerminalActionCompleted(result, now);
                return;
        }
        if (_step == ControlStep.Active) _control.WakeTicks = now + Millis(0, 5);
    }
}
