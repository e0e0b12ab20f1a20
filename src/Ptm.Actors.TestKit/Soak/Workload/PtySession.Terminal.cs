using System.Buffers.Binary;
using Ptm.Actors.Pty;
using Serilog.Core;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// Terminal sessions (SoakOptions.TerminalShare of them): each epoch pushes ptem then ldterm on
/// the subsidiary (M4.2) before anything is written, and then, instead of pattern data and the
/// bare pair's control calls, runs TerminalScript's operations one at a time on the control lane,
/// while the two readers read as in any session. The session keeps its own TerminalLedger, fed
/// the events it emits, to know what it still waits for; the checker keeps another and judges.
/// Its epochs end like any other (closes, crashes, abrupt closes); a crash takes the modules with
/// the side (they are its child actors, PD13).
/// </summary>
internal sealed partial class PtySession
{
    private readonly bool _terminalSession;
    private readonly Queue<TerminalAction> _terminalActions = new();
    private readonly ViolationLog _ownLog = new(Logger.None); // the checker reports; the workload only needs the bookkeeping
    private TerminalScript? _script;
    private TerminalLedger? _model;
    private bool _terminalEpoch;
    private bool _terminalWindowsOpen;
    private int _pushed;
    private long _quietSince = -1;

    /// <summary>Decided apart from the script's generator, so non-terminal sessions replay as without the option.</summary>
    private static bool IsTerminalSession(SoakOptions options, long id, bool burst) =>
        !burst && options.TerminalShare > 0 &&
        new Random(unchecked((int)(options.Seed * 0x27D4EB2FL ^ id * 0x165667B1L))).NextDouble() < options.TerminalShare;

    /// <summary>A new epoch of a terminal session: no pattern data; push the modules first.</summary>
    private void BeginTerminalEpoch(long now)
    {
        _writeBudget[0] = _writeBudget[1] = 0;
        _terminalEpoch = false;
        _model = null;
        _terminalActions.Clear();
        _terminalWindowsOpen = false;
        _quietSince = -1;
        _pushed = 0;
        _script ??= new TerminalScript(_random);
        Goto(ControlStep.PushModules, now);
    }

    private bool StepPush(long now)
    {
        var module = _pushed == 0 ? "ptem" : "ldterm";
        Begin(_control, "push_" + module, now);
        Issue(_control, Posix.PushAsync(_subsidiaryFd, module));
        return true;
    }

    private void OnPushCompleted(SysResult result, long now)
    {
        if (!result.IsOk)
        {
            _opsLeft = 0; // no terminal: the epoch just ends (the push failing is the pty system's business, not the checker's)
            Goto(ControlStep.Active, now);
            return;
        }
        if (++_pushed < 2) return;
        _terminalEpoch = true;
        _model = new TerminalLedger(Id, _epoch);
        Emit(new ModulesPushed(Id, _epoch));
        Goto(ControlStep.Active, now);
    }

    /// <summary>The workload's own ledger sees what the checker sees.</summary>
    private void ObserveOwn(SoakEvent soakEvent)
    {
        if (_model is not { } model) return;
        switch (soakEvent)
        {
            case Received e when e.Stream.Session == Id && e.Stream.Epoch == model.Epoch: model.OnReceived(e.Stream.Direction, e.Bytes.Span, _ownLog); break;
            case TerminalEvent e when e.Epoch == model.Epoch: model.Observe(e, _managerClosing, _ownLog); break;
            case DiscardWindowOpened e when e.Stream.Session == Id && e.Stream.Epoch == model.Epoch: model.OnFlushWindowOpened(); break;
        }
    }

    /// <summary>The control lane of a terminal epoch; false when it has nothing to do now.</summary>
    private bool StepTerminal(long now)
    {
        if (_terminalActions.Count > 0)
        {
            // A fault or the end of the run may cut an operation short, but never inside a flush window.
            var cut = (_driver.Stopping || _pendingEndFault is not null) && !_terminalWindowsOpen && _terminalActions.Peek().Step == TerminalStep.AwaitQuiet;
            if (!cut) return StepTerminalAction(now);
            _terminalActions.Clear();
            _quietSince = -1;
        }
        if (ShouldEnd()) return ChooseEnding(now);
        if (EarlierEofUnread) return Pause(now); // INTR and TCFLSH may flush the manager's read side (PtySession.Active.cs)
        _opsLeft--;
        foreach (var action in _script!.Next(_model!)) _terminalActions.Enqueue(action);
        return StepTerminalAction(now);
    }

    private bool StepTerminalAction(long now)
    {
        var action = _terminalActions.Peek();
        var model = _model!;
        var manager = action.Side == Side.Manager;
        switch (action.Step)
        {
            case TerminalStep.Type or TerminalStep.Output:
                var direction = action.Step == TerminalStep.Type ? Direction.ManagerToSubsidiary : Direction.SubsidiaryToManager;
                Emit(new TerminalWritten(Id, _epoch, direction, action.Bytes!));
                BeginTerminal(direction == Direction.ManagerToSubsidiary ? "write_m" : "write_s", now);
                Issue(_control, Posix.WriteAsync(direction == Direction.ManagerToSubsidiary ? _managerFd : _subsidiaryFd, action.Bytes, null, _driver.Abandon));
                return true;
            case TerminalStep.SetModes:
                BeginTerminal("tcsetattr", now);
                Issue(_control, Posix.SetTermiosAsync(_subsidiaryFd, action.Change, action.Modes!));
                return true;
            case TerminalStep.GetModes:
                BeginTerminal("tcgetattr", now);
                IssueWithReply(Posix.GetTermiosAsync(_subsidiaryFd));
                return true;
            case TerminalStep.SetSize:
                BeginTerminal(manager ? "winsize_set_m" : "winsize_set_s", now);
                Issue(_control, Posix.SetWindowSizeAsync(manager ? _managerFd : _subsidiaryFd, action.Size));
                return true;
            case TerminalStep.GetSize:
                BeginTerminal(manager ? "winsize_get_m" : "winsize_get_s", now);
                IssueWithReply(Posix.GetWindowSizeAsync(manager ? _managerFd : _subsidiaryFd));
                return true;
            case TerminalStep.TakeSignals:
                BeginTerminal("signals_s", now);
                IssueWithReply(Posix.TakeSignalsAsync(_subsidiaryFd));
                return true;
            case TerminalStep.FlushInput:
                var queue = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(queue, 0); // TCIFLUSH
                BeginTerminal("tcflush_s", now);
                Issue(_control, Posix.IoctlAsync(_subsidiaryFd, IoctlCommands.TCFLSH, queue));
                return true;
            case TerminalStep.OpenWindows or TerminalStep.CloseWindows:
                SetTerminalWindows(action.Step == TerminalStep.OpenWindows);
                _terminalActions.Dequeue();
                return true;
            case TerminalStep.AwaitQuiet:
                if (_quietSince < 0) _quietSince = now;
                var patient = now - _quietSince <= (_driver.Stopping ? _driver.TeardownPatience : _driver.SessionPatience).Ticks;
                if (model.OwedReads > 0 && patient) return Pause(now);
                if (model.OwedSignals > 0 && patient)
                {
                    BeginTerminal("signals_s", now);
                    IssueWithReply(Posix.TakeSignalsAsync(_subsidiaryFd));
                    return true;
                }
                // Owed and still missing after the patience: the checker calls it lost.
                Emit(new TerminalSettled(Id, _epoch));
                _terminalActions.Dequeue();
                _quietSince = -1;
                _control.WakeTicks = now + Millis(0, 5);
                return true;
            default:
                throw new InvalidOperationException($"unknown terminal step {action.Step}");
        }
    }

    private void OnTerminalActionCompleted(SysResult result, long now)
    {
        var action = _terminalActions.Peek();
        var reply = _control.Reply;
        switch (action.Step)
        {
            case TerminalStep.Type or TerminalStep.Output:
                if (result.IsOk && result.Value == action.Bytes!.Length) break;
                // A write that did not complete leaves ldterm's state unknown: no more operations this epoch.
                Emit(new TerminalWriteFailed(Id, _epoch, action.Step == TerminalStep.Type ? Direction.ManagerToSubsidiary : Direction.SubsidiaryToManager));
                StopTerminal();
                return;
            case TerminalStep.SetModes:
                if (!result.IsOk) { Emit(new TerminalWriteFailed(Id, _epoch, Direction.ManagerToSubsidiary)); StopTerminal(); return; }
                Emit(new TerminalModesSet(Id, _epoch, action.Modes!));
                break;
            case TerminalStep.GetModes:
                if (result.IsOk && reply is Termios modes) Emit(new TerminalModesRead(Id, _epoch, modes));
                break;
            case TerminalStep.SetSize:
                if (!result.IsOk) { Emit(new TerminalWriteFailed(Id, _epoch, Direction.ManagerToSubsidiary)); StopTerminal(); return; }
                Emit(new WindowSizeSet(Id, _epoch, action.Side, action.Size));
                break;
            case TerminalStep.GetSize:
                if (result.IsOk && reply is WindowSize size) Emit(new WindowSizeRead(Id, _epoch, action.Side, size));
                break;
            case TerminalStep.FlushInput:
                if (!result.IsOk) { StopTerminal(); return; }
                break;
            case TerminalStep.TakeSignals:
                if (result.IsOk && reply is IReadOnlyList<Signal> taken) Emit(new SignalsTaken(Id, _epoch, taken));
                break;
            case TerminalStep.AwaitQuiet:
                // Taken signals; the step stays and looks again (a signal may still be on its way up, M4.5).
                if (result.IsOk && reply is IReadOnlyList<Signal> signals) Emit(new SignalsTaken(Id, _epoch, signals));
                _control.WakeTicks = now + TimeSpan.TicksPerMillisecond;
                return;
        }
        _terminalActions.Dequeue();
    }

    private void StopTerminal()
    {
        _terminalActions.Clear();
        _quietSince = -1;
        if (_terminalWindowsOpen) SetTerminalWindows(open: false);
        _opsLeft = 0;
    }

    private void SetTerminalWindows(bool open)
    {
        _terminalWindowsOpen = open;
        for (var d = 0; d < 2; d++)
        {
            var key = new StreamKey(Id, (Direction)d, _epoch);
            Emit(open ? new DiscardWindowOpened(key, DiscardReason.Flush) : new DiscardWindowClosed(key, DiscardReason.Flush));
        }
    }

    private void BeginTerminal(string operation, long now) => Begin(_control, operation, now, ActiveCall.Terminal);

    private void IssueWithReply<T>(Task<(SysResult Result, T Value)> task)
    {
        _control.Issue(task);
        _driver.Watch(task);
    }
}
