using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Pty;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// The control lane: the session's script. Open the manager, grant, unlock, ptsname, open the
/// subsidiary (an epoch, L11), then random control calls while the data lanes stream, then one
/// way of ending the epoch: the subsidiary closes first (orderly, mid-write, abrupt or crash;
/// the manager then reads the EOF, L13, deals with output ptm holds, PD5, and the subsidiary may
/// be reopened) or the manager does (orderly, mid-write, abrupt or crash; the subsidiary then
/// drains to EOF after the hang-up, L15, and closes). Closes and crashes are announced before
/// they are issued; how they drain (H3) and what PD5 holds is in PtySession.Closes.cs.
/// </summary>
internal sealed partial class PtySession
{
    private enum ControlStep
    {
        OpenManager, Grant, Unlock, Ptsname, OpenSubsidiary, PushModules, Active,
        QuiesceSubsidiary, CloseExtras, EndSubsidiary, ReopenAfterCrash, CloseReopenedCrash, ConfirmSubsidiaryCrash, CloseCrashedSubsidiary, DrainSubsidiaryLanes, AwaitEof, ProbeEof,
        SettleHeld, FlushHeld,
        ProbeHangup,
        QuiesceManager, EndManager, ConfirmManagerCrash, CloseCrashedManager, DrainManagerLanes, AwaitHangup,
        TearDown,
    }

    private enum ActiveCall { None, PollManager, PollSubsidiary, IoctlManager, IoctlSubsidiary, Flush, FlushSettle, OpenExtra, CloseExtra, Terminal }

    private const int UnknownIoctl = IoctlCommands.TIOCGWINSZ; // TIOCGWINSZ: no module handles it on a bare pair (D2, D7, D8)

    private readonly List<int> _extraFds = new();
    private readonly StreamKey[] _flushWindows = new StreamKey[2];
    private ControlStep _step = ControlStep.OpenManager;
    private ControlStep _afterExtras;
    private ActiveCall _activeCall;
    private int _flushWindowCount;
    private int _managerFd = -1;
    private int _subsidiaryFd = -1;
    private string _path = "";
    private int _epoch;
    private bool _subsidiaryOpen;
    private bool _subsidiaryClosing;
    private bool _managerClosing;
    private int _opsLeft;
    private int _reopensLeft = -1;
    private SideEnd _endHow;
    private long _waitSince;
    private int _abruptTries;

    private bool StepControl(long now)
    {
        if (!_control.ReadyAt(now)) return false;
        switch (_step)
        {
            case ControlStep.OpenManager:
                _control.Start(0, "open_ptmx", now); // not reported: the session starts with its result
                _managerNonBlocking = !IsBurst && Chance(0.2); // its close then discards at once (L14), else it drains first (H3)
                Issue(_control, Posix.OpenAsync("/dev/ptmx", _managerNonBlocking ? OpenFlags.NonBlock : OpenFlags.None, null, _driver.Abandon));
                return true;
            case ControlStep.Grant:
                Begin(_control, "grantpt", now);
                Issue(_control, Posix.GrantAsync(_managerFd));
                return true;
            case ControlStep.Unlock:
                Begin(_control, "unlockpt", now);
                Issue(_control, Posix.UnlockAsync(_managerFd));
                return true;
            case ControlStep.Ptsname:
                Begin(_control, "ptsname", now);
                Issue(_control, Posix.GetSubsidiaryNameAsync(_managerFd));
                return true;
            case ControlStep.OpenSubsidiary:
                if (_driver.Stopping) return Goto(ControlStep.SettleHeld, now); // PD5: output held for the last epoch goes first
                Begin(_control, "open_pts", now);
                Issue(_control, Posix.OpenAsync(_path, OpenFlags.NoCtty | (Chance(0.2) ? OpenFlags.NonBlock : OpenFlags.None), null, _driver.Abandon));
                return true;
            case ControlStep.PushModules:
                return StepPush(now);
            case ControlStep.Active:
                return StepActive(now);
            case ControlStep.QuiesceSubsidiary:
                // reopen_after_crash waits for the manager's writer only: the subsidiary's bytes still
                // on their way keep the manager busy, so the crash's death notice may queue behind them (R13).
                if (!_managerWriter.Busy && (_reopenAfterCrash || !_subsidiaryWriter.Busy) || Waited(now)) return Goto(ControlStep.CloseExtras, now, then: ControlStep.EndSubsidiary);
                return Pause(now);
            case ControlStep.CloseExtras:
                if (_extraFds.Count == 0) return Goto(_afterExtras, now);
                Begin(_control, "close_s_extra", now);
                Issue(_control, Posix.CloseAsync(_extraFds[^1]));
                return true;
            case ControlStep.EndSubsidiary:
                // Before: from here the manager may read this epoch's EOF (L13); ptm holds what it still queues (PD5).
                if (!_managerClosing && (_managerWriter.Busy || _m2sReceived < _writeOffset[0])) _heldOutputPossible = true;
                Emit(new SubsidiaryClosing(Id, _epoch, _endHow));
                _subsidiaryClosing = true;
                if (_endHow == SideEnd.Crash) return CrashSubsidiary(now); // PtySession.Reopens.cs
                Begin(_control, "close_s", now);
                Issue(_control, Posix.CloseAsync(_subsidiaryFd));
                return true;
            case ControlStep.ConfirmSubsidiaryCrash:
                Begin(_control, "ioctl_s", now);
                Issue(_control, Posix.IoctlAsync(_subsidiaryFd, UnknownIoctl));
                return true;
            case ControlStep.CloseCrashedSubsidiary:
                Begin(_control, "close_s", now);
                Issue(_control, Posix.CloseAsync(_subsidiaryFd));
                return true;
            case ControlStep.CloseReopenedCrash:
                Begin(_control, "close_s", now);
                Issue(_control, Posix.CloseAsync(_crashedFd));
                return true;
            case ControlStep.DrainSubsidiaryLanes:
                // The close (or crash, PD13) fails the side's pending calls; one that never completes is left to the checker (call_hung).
                if ((_subsidiaryReader.Busy || _subsidiaryWriter.Busy) && !Waited(now)) return Pause(now);
                _subsidiaryOpen = false;
                if (_managerClosing) return TearDownNext();
                return Goto(ControlStep.AwaitEof, now);
            case ControlStep.AwaitEof:
                if (_reopenBeforeEof && !_driver.Stopping) return ReopenBeforeEof(now); // PtySession.Reopens.cs
                _reopenBeforeEof = false;
                // L13: reopen only once the manager has read this epoch's EOF, so every byte it reads has one epoch.
                if (_managerReadEpoch <= _epoch && !_managerReaderStopped && Waited(now))
                    return Goto(ControlStep.ProbeEof, now); // out of patience: is the EOF lost, or is the reader just slow?
                if (_managerReadEpoch > _epoch || _managerReaderStopped)
                {
                    _endHow = SideEnd.Close;
                    return Goto(ControlStep.SettleHeld, now);
                }
                return Pause(now);
            case ControlStep.SettleHeld: return SettleHeldOutput(now); // PD5 (PtySession.Closes.cs)
            case ControlStep.FlushHeld: return FlushHeldOutput(now);
            case ControlStep.ProbeHangup:
                Begin(_control, "poll_s", now);
                Issue(_control, Posix.PollAsync(_subsidiaryFd));
                return true;
            case ControlStep.ProbeEof:
                Begin(_control, "poll_m", now);
                Issue(_control, Posix.PollAsync(_managerFd));
                return true;
            case ControlStep.QuiesceManager:
                if (!_managerWriter.Busy && !EarlierEofUnread) return Goto(ControlStep.EndManager, now);
                if (!Waited(now)) return Pause(now);
                // Out of patience with an earlier epoch's EOF still unread: a slow reader's input is
                // discarded by the close, which owes no EOF check (a read parked there is call_hung).
                if (EarlierEofUnread && _endHow == SideEnd.Close) _endHow = SideEnd.AbruptClose;
                return Goto(ControlStep.EndManager, now);
            case ControlStep.EndManager:
                // Before: from here the subsidiary may see the hang-up (L14, L15).
                Emit(new ManagerClosing(Id, _endHow, BeginManagerClose(now)));
                _managerClosing = true;
                if (_endHow == SideEnd.Crash)
                {
                    Emit(new FaultInjected(_subsidiaryOpen ? FaultKind.CrashManager : FaultKind.CrashLoneManager, Id));
                    Begin(_control, "crash_m", now);
                    Issue(_control, Posix.CrashAsync(_managerFd));
                }
                else
                {
                    Begin(_control, "close_m", now);
                    Issue(_control, Posix.CloseAsync(_managerFd));
                }
                return true;
            case ControlStep.ConfirmManagerCrash:
                Begin(_control, "ioctl_m", now);
                Issue(_control, Posix.IoctlAsync(_managerFd, UnknownIoctl));
                return true;
            case ControlStep.CloseCrashedManager:
                Begin(_control, "close_m", now);
                Issue(_control, Posix.CloseAsync(_managerFd));
                return true;
            case ControlStep.DrainManagerLanes:
                if ((_managerReader.Busy || _managerWriter.Busy) && !Waited(now)) return Pause(now);
                if (_subsidiaryOpen && !_subsidiaryClosing) return Goto(ControlStep.AwaitHangup, now);
                return TearDownNext();
            case ControlStep.AwaitHangup:
                // L15: the subsidiary reads what is left, then 0; only then does it close in order.
                if ((_subsidiaryReadEof || _subsidiaryReaderStopped) && !_subsidiaryWriter.Busy)
                {
                    _endHow = SideEnd.Close;
                    return Goto(ControlStep.CloseExtras, now, then: ControlStep.EndSubsidiary);
                }
                // Out of patience (a starved run can get here before its first poll): look once more.
                if (Waited(now)) return Goto(ControlStep.ProbeHangup, now);
                Begin(_control, "poll_s", now, ActiveCall.PollSubsidiary);
                Issue(_control, Posix.PollAsync(_subsidiaryFd));
                _control.WakeTicks = now + Millis(2, 10);
                return true;
            case ControlStep.TearDown:
                // Every handle is closed. A call still pending after the patience will never complete
                // (R9, PD13): tear down anyway, so the checker reports it as call_hung, and forget it.
                if (!AllLanesIdle && !Waited(now)) return Pause(now);
                Emit(new SessionTornDown(Id));
                Finished = true;
                return true;
            default:
                throw new InvalidOperationException($"unknown control step {_step}");
        }
    }

    private void OnControlCompleted(SysResult result, long now)
    {
        switch (_step)
        {
            case ControlStep.OpenManager:
                if (!result.IsOk) { Finished = true; return; } // ENOMEM at the limit (PD2): no session
                _managerFd = (int)result.Value;
                _path = Posix.SubsidiaryPathOf(_managerFd) ?? "";
                WasStarted = true;
                Emit(new SessionStarted(Id, int.TryParse(_path.AsSpan("/dev/pts/".Length), out var minor) ? minor : -1));
                _reopensLeft = Between(0, 2);
                _endHow = SideEnd.Close;
                Goto(IsBurst || _driver.Stopping ? ControlStep.EndManager : ControlStep.Grant, now);
                return;
            case ControlStep.Grant: Goto(result.IsOk ? ControlStep.Unlock : ControlStep.EndManager, now); return;
            case ControlStep.Unlock: Goto(result.IsOk ? ControlStep.Ptsname : ControlStep.EndManager, now); return;
            case ControlStep.Ptsname:
                if (result.IsOk && result.Text == _path && !CrashLoneManager(now)) Goto(ControlStep.OpenSubsidiary, now);
                else if (_step == ControlStep.Ptsname) Goto(ControlStep.EndManager, now);
                return;
            case ControlStep.OpenSubsidiary:
                if (!result.IsOk) { _reopensLeft = 0; Goto(ControlStep.SettleHeld, now); return; } // PD5: held output stays held
                BeginEpoch((int)result.Value);
                StartEpochScript(now);
                return;
            case ControlStep.ReopenAfterCrash: OnReopenedAfterCrash(result, now); return;
            case ControlStep.CloseReopenedCrash:
                _crashedFd = -1;
                StartEpochScript(now);
                return;
            case ControlStep.PushModules:
                OnPushCompleted(result, now);
                return;
            case ControlStep.Active:
            case ControlStep.AwaitHangup:
                OnActiveCallCompleted(result, now);
                return;
            case ControlStep.CloseExtras:
                _extraFds.RemoveAt(_extraFds.Count - 1);
                return;
            case ControlStep.EndSubsidiary:
                if (_endHow == SideEnd.Crash) { Goto(ControlStep.ConfirmSubsidiaryCrash, now); return; }
                Emit(new SubsidiaryClosed(Id, _epoch));
                Goto(ControlStep.DrainSubsidiaryLanes, now);
                return;
            case ControlStep.ConfirmSubsidiaryCrash:
                // PD13: a crashed side's calls fail EIO; until then the crash has not happened yet.
                if (result.Errno == Errno.EIO || Waited(now))
                {
                    Emit(new SubsidiaryClosed(Id, _epoch));
                    Goto(ControlStep.CloseCrashedSubsidiary, now);
                }
                else _control.WakeTicks = now + Millis(1, 2);
                return;
            case ControlStep.CloseCrashedSubsidiary: Goto(ControlStep.DrainSubsidiaryLanes, now); return;
            case ControlStep.ProbeHangup:
                // POLLHUP is the hang-up itself (L15); without it the close stays orderly and the checker judges it.
                if (result.IsOk && ((PollEvents)result.Value & PollEvents.POLLHUP) != 0) Emit(new HangupSeen(Id, _epoch));
                _endHow = SideEnd.Close;
                Goto(ControlStep.CloseExtras, now, then: ControlStep.EndSubsidiary);
                return;
            case ControlStep.ProbeEof:
                // Input still queued means a slow or stalled reader: the manager closes with unread
                // input and owes no EOF check (abrupt). So does POLLERR: with a stored write error
                // (PD4) strpoll reports it alone, so the poll cannot tell whether the EOF is queued.
                // Nothing queued means the EOF never arrived, whether or not a read waits for it (a
                // read parked there is the checker's call_hung, L13, R9): an orderly close lets the
                // checker judge.
                var unread = !result.IsOk || ((PollEvents)result.Value & (PollEvents.POLLIN | PollEvents.POLLERR)) != 0;
                _endHow = _managerReadEpoch > _epoch || !unread ? SideEnd.Close : SideEnd.AbruptClose;
                _reopensLeft = 0;
                Goto(ControlStep.SettleHeld, now);
                return;
            case ControlStep.FlushHeld: OnHeldOutputFlushed(now); return;
            case ControlStep.EndManager:
                if (_endHow == SideEnd.Crash) { Goto(ControlStep.ConfirmManagerCrash, now); return; }
                Emit(new ManagerClosed(Id, ManagerCloseDrainExpired(now)));
                Goto(ControlStep.DrainManagerLanes, now);
                return;
            case ControlStep.ConfirmManagerCrash:
                if (result.Errno == Errno.EIO || Waited(now))
                {
                    Emit(new ManagerClosed(Id, DrainExpired: false));
                    Goto(ControlStep.CloseCrashedManager, now);
                }
                else _control.WakeTicks = now + Millis(1, 2);
                return;
            case ControlStep.CloseCrashedManager: Goto(ControlStep.DrainManagerLanes, now); return;
            default:
                throw new InvalidOperationException($"a control call completed in step {_step}");
        }
    }

    private bool Goto(ControlStep step, long now, ControlStep then = ControlStep.TearDown)
    {
        _step = step;
        _afterExtras = then;
        _waitSince = now;
        return true;
    }

    // Keeps the time the drain began waiting, so a hung call is reported after one patience, not two.
    private bool TearDownNext()
    {
        _step = ControlStep.TearDown;
        return true;
    }

    private bool Pause(long now)
    {
        _control.WakeTicks = now + TimeSpan.TicksPerMillisecond;
        return false;
    }

    /// <summary>The session has waited longer than the rules can explain: move on and let the checker judge what is missing.</summary>
    private bool Waited(long now) => now - _waitSince > (_driver.Stopping ? _driver.TeardownPatience : _driver.SessionPatience).Ticks;
}
