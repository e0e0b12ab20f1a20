using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Report;

/// <summary>
/// Tells why a failed call failed, from nothing but the events: the call's operation (its name
/// says which side and what kind of call), its errno, and what its session had announced by the
/// time it completed (the closes and crashes, which the workload emits before issuing them, and
/// the abrupt_close faults). A cause is given only where a rule makes the errno the consequence
/// of what was announced; anything else is Unattributed, never a guess. Fed under the sink's
/// lock, in event order, like the statistics it belongs to.
/// </summary>
internal sealed class CallFailureClassifier
{
    private enum CallKind { Read, Write, Ioctl, Other }

    /// <summary>How a side ended, and whether an injected fault ended it.</summary>
    private readonly record struct End(SideEnd How, bool Injected);

    private sealed class SessionState
    {
        public int Epoch;
        public End? Manager;
        /// <summary>How each subsidiary epoch ended, by epoch - 1 (a session has a few epochs, L11).</summary>
        public readonly List<End?> Subsidiary = [];
        public bool AbruptClosePending;

        public End? SubsidiaryEnd(int epoch) => epoch >= 1 && epoch <= Subsidiary.Count ? Subsidiary[epoch - 1] : null;
        public bool AnySubsidiaryEnded => Subsidiary.Exists(end => end is not null);
    }

    private readonly Dictionary<long, SessionState> _sessions = new();
    private readonly Dictionary<long, (string Operation, int Epoch)> _calls = new();
    private static readonly SessionState Unknown = new();

    /// <summary>Takes in what the causes depend on; every other event is ignored.</summary>
    public void Observe(SoakEvent soakEvent)
    {
        switch (soakEvent)
        {
            case SessionStarted e: _sessions[e.Session] = new SessionState(); break;
            case SessionTornDown e: _sessions.Remove(e.Session); break;
            case SubsidiaryOpened e when _sessions.TryGetValue(e.Session, out var s):
                s.Epoch = e.Epoch;
                while (s.Subsidiary.Count < e.Epoch) s.Subsidiary.Add(null);
                break;
            case FaultInjected { Kind: FaultKind.AbruptClose } e when _sessions.TryGetValue(e.Session, out var s): s.AbruptClosePending = true; break;
            case ManagerClosing e when _sessions.TryGetValue(e.Session, out var s): s.Manager = Ending(s, e.How); break;
            case SubsidiaryClosing e when _sessions.TryGetValue(e.Session, out var s) && e.Epoch >= 1:
                while (s.Subsidiary.Count < e.Epoch) s.Subsidiary.Add(null);
                s.Subsidiary[e.Epoch - 1] = Ending(s, e.How);
                break;
            case CallStarted e: _calls[e.CallId] = (e.Operation, _sessions.GetValueOrDefault(e.Session)?.Epoch ?? 0); break;
        }
    }

    /// <summary>The cause of a completed call's failure; also forgets the call. Call for every CallCompleted, ok or not.</summary>
    public FailureCause? Complete(CallCompleted completed)
    {
        _calls.Remove(completed.CallId, out var call);
        if (completed.Outcome == "ok") return null;
        var session = _sessions.GetValueOrDefault(completed.Session) ?? Unknown;
        return Classify(completed.Outcome, call.Operation ?? "", session, call.Epoch);
    }

    private static FailureCause Classify(string errno, string operation, SessionState session, int epoch)
    {
        var side = SoakOperations.SideOf(operation);
        var kind = KindOf(operation);
        var own = side == Side.Manager ? session.Manager : session.SubsidiaryEnd(epoch);
        switch (errno)
        {
            case "EAGAIN":
                return kind switch { CallKind.Write => FailureCause.FlowControl, CallKind.Read => FailureCause.NothingToRead, _ => FailureCause.Unattributed };
            case "EINVAL":
                if (kind == CallKind.Ioctl) return FailureCause.UnknownIoctl;
                // PD4: only a manager write that met no subsidiary sets it, so some epoch must have ended.
                return side == Side.Manager && kind != CallKind.Read && session.AnySubsidiaryEnded ? FailureCause.StickyError : FailureCause.Unattributed;
            case "EIO" or "ENXIO":
                if (errno == "EIO" && own is { How: SideEnd.Crash }) return CrashOf(side); // PD13
                if (side == Side.Subsidiary && session.Manager is { } manager) // L15, PD6, PD13
                    return manager.How == SideEnd.Crash ? FailureCause.ManagerCrashed : manager.Injected ? FailureCause.AbruptClose : FailureCause.HangUp;
                return FailureCause.Unattributed;
            case "EBADF":
                if (own is not { } end) return FailureCause.Unattributed;
                return end.How == SideEnd.Crash ? CrashOf(side) : end.Injected ? FailureCause.AbruptClose : FailureCause.OwnClose;
            default:
                return FailureCause.Unattributed;
        }
    }

    // A crash is always the workload's doing (SideEnd.Crash); an abrupt close only when the abrupt_close fault announced it.
    private static End Ending(SessionState session, SideEnd how)
    {
        var injected = how == SideEnd.Crash || how == SideEnd.AbruptClose && session.AbruptClosePending;
        if (how == SideEnd.AbruptClose) session.AbruptClosePending = false;
        return new End(how, injected);
    }

    private static FailureCause CrashOf(Side side) => side == Side.Manager ? FailureCause.ManagerCrashed : FailureCause.SubsidiaryCrashed;

    // The side as the checker reads it (SoakOperations); the kind by the same naming (CallStarted): write_m, read_s, ioctl_m, close_s_extra, open_pts...
    private static CallKind KindOf(string operation) =>
        operation.StartsWith("write_", StringComparison.Ordinal) ? CallKind.Write
        : SoakOperations.IsRead(operation) ? CallKind.Read
        : operation.StartsWith("ioctl_", StringComparison.Ordinal) ? CallKind.Ioctl
        : CallKind.Other;
}
