using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.TestKit.Soak.Oracle;

/// <summary>
/// Checks a soak run's invariants as its events stream past, in memory proportional to the live
/// sessions: PD14 data (StreamLedger), L13 EOF, L15 hang-up, R9 calls, L16/PD2 minors, dead
/// letters and the memory budget. Not thread-safe: SoakEventSink serialises calls.
///
/// Lifecycle discards are derived here, not emitted by the workload. A subsidiary's last close
/// ends its reader; what ptm still queues for it stays held there (PD5) and must never reach a
/// later subsidiary, so such bytes show as data_corrupted (the workload never reopens while a
/// manager write of the old epoch is still in flight, the one way PD5 lets old bytes through).
/// What the subsidiary itself accepted all reaches the manager before the EOF (L12, D16, H3).
/// A manager's close drops its queued output at once when non-blocking (L14), and only what had
/// not drained in 15 s when blocking (H3); a crash drops what the crashed side held (PD13).
/// Flushes are announced by the workload with discard windows, since only it knows when it flushes.
/// </summary>
internal sealed partial class InvariantChecker
{
    private const int RememberedTornDown = 65536;

    private readonly Dictionary<long, SessionLedger> _sessions = new();
    private readonly HashSet<long> _tornDown = new();
    private readonly Queue<long> _tornDownOrder = new();
    private readonly MemoryBudget _budget;
    private readonly Func<uint, StreamKey?> _streamForTag;
    private readonly TimeSpan _patience;
    private int _lastMinorCount = -1;
    private IReadOnlyList<int>? _stillAllocated;
    // The session that last opened each minor, to name a leak's session (L16); one entry per minor ever used.
    private readonly Dictionary<int, long> _lastSessionOfMinor = new();
    private bool _finished;

    /// <param name="violations">Where violations go.</param>
    /// <param name="budget">The managed-memory budget.</param>
    /// <param name="callPatience">How long, in the system's time, a call may take once the rules owe it an answer (default <see cref="DefaultCallPatience"/>).</param>
    public InvariantChecker(ViolationLog violations, MemoryBudget budget, TimeSpan? callPatience = null)
    {
        Violations = violations;
        _budget = budget;
        _patience = callPatience ?? DefaultCallPatience;
        _streamForTag = StreamForTag;
    }

    public ViolationLog Violations { get; }

    /// <summary>Sessions started and not yet torn down.</summary>
    public int LiveSessions => _sessions.Count;

    /// <summary>How many epochs of a live session the checker still tracks (0 for an unknown session).</summary>
    internal int TrackedEpochs(long session) => _sessions.TryGetValue(session, out var ledger) ? ledger.Epochs.Count : 0;

    /// <summary>Events about epochs already settled and forgotten, or sessions already torn down; ignored.</summary>
    public long LateEvents { get; private set; }

    public void Observe(SoakEvent soakEvent)
    {
        // A hung workload may still emit after the books are closed; its events prove nothing more.
        if (_finished)
        {
            LateEvents++;
            return;
        }
        switch (soakEvent)
        {
            case Received e: OnReceived(e); break;
            case WriteStarted e: if (TryStream(e.Stream, out var started)) started.OnWriteStarted(e.Offset, e.Length, Violations); break;
            case Accepted e: if (TryStream(e.Stream, out var accepted)) accepted.OnAccepted(e.Offset, e.Length, Violations); break;
            case CallStarted e: OnCallStarted(e); break;
            case CallCompleted e: OnCallCompleted(e); break;
            case SessionStarted e: OnSessionStarted(e); break;
            case SessionTornDown e: OnSessionTornDown(e); break;
            case SubsidiaryOpened e: OnSubsidiaryOpened(e); break;
            case SubsidiaryClosing e: OnSubsidiaryClosing(e); break;
            case SubsidiaryClosed e: OnSubsidiaryClosed(e); break;
            case ManagerClosing e: OnManagerClosing(e); break;
            case ManagerClosed e: OnManagerClosed(e); break;
            case DiscardWindowOpened e: OnDiscardWindowOpened(e); break;
            case DiscardWindowClosed e: if (TryStream(e.Stream, out var shut)) shut.OnWindowClosed(Violations); break;
            case HangupSeen e: OnHangupSeen(e); break;
            case ManagerHangupSeen e:
                if (TrySession(e.Session, out _))
                    Violations.Record(ViolationKind.HangupUnexpected, e.Session, "the manager saw a hang-up; it only ever reads EOF (L13)");
                break;
            case EofSeen e: OnEofSeen(e); break;
            case MinorsAllocated e: OnMinorsAllocated(e); break;
            case MemorySample e: OnMemorySample(e); break;
            case DeadLetter e:
                if (!e.Expected) Violations.Record(ViolationKind.DeadLetter, -1, $"unexpected dead letter {e.Message} to {e.Recipient}");
                break;
            case TerminalEvent e: OnTerminalEvent(e); break;
            case TimePassed e: OnTimePassed(e); break;
            case MinorsStillAllocated e: _stillAllocated = e.Minors; break;
            case FaultInjected: break;
            default:
                Violations.Record(ViolationKind.HarnessError, -1, $"unknown soak event {soakEvent.GetType().Name}");
                break;
        }
    }

    /// <summary>The run is over: what was owed and never came is now a violation.</summary>
    public void Finish()
    {
        if (_finished) return;
        _finished = true;
        foreach (var session in _sessions.Values)
        {
            Violations.Record(ViolationKind.HarnessError, session.Session, "the workload ended without tearing the session down");
            ReportOpenCalls(session, "at the end of the run");
            foreach (var epoch in session.Epochs.Values) ReleaseEpoch(session, epoch);
        }
        _sessions.Clear();
        if (_lastMinorCount < 0)
            Violations.Record(ViolationKind.HarnessError, -1, "no count of allocated minors was sampled, so minor leaks cannot be checked");
        else if (_lastMinorCount != 0) ReportLeakedMinors();
    }

    /// <summary>L16: every minor still allocated at the end is a leak, named with the last session that had it.</summary>
    private void ReportLeakedMinors()
    {
        const string Rule = "L16: freed once both sides are gone";
        if (_stillAllocated is not { Count: > 0 } minors)
        {
            Violations.Record(ViolationKind.MinorLeak, -1, $"{_lastMinorCount} minors still allocated at the end of the run, not named by the workload ({Rule})");
            return;
        }
        foreach (var minor in minors)
        {
            var last = _lastSessionOfMinor.TryGetValue(minor, out var session) ? session : -1;
            var whose = last >= 0 ? $"its last session was {last}" : "no session of this run had it";
            Violations.Record(ViolationKind.MinorLeak, last, $"minor {minor} (/dev/pts/{minor}) still allocated at the end of the run; {whose} ({Rule})");
        }
    }

    private void OnSessionStarted(SessionStarted e)
    {
        if (_sessions.ContainsKey(e.Session) || _tornDown.Contains(e.Session))
        {
            Violations.Record(ViolationKind.HarnessError, e.Session, "session id used twice");
            return;
        }
        _sessions.Add(e.Session, new SessionLedger(e.Session, e.Minor));
        if (e.Minor > 0) _lastSessionOfMinor[e.Minor] = e.Session;
    }

    private void OnSessionTornDown(SessionTornDown e)
    {
        if (!TrySession(e.Session, out var session)) return;
        ReportOpenCalls(session, "after its session was torn down");
        foreach (var epoch in session.Epochs.Values)
        {
            // Without the close the EOF and hang-up checks of the epoch would silently not run.
            if (!epoch.Closing)
                Violations.Record(ViolationKind.HarnessError, e.Session, $"session torn down but subsidiary epoch {epoch.Epoch} never announced its last close");
            ReleaseEpoch(session, epoch);
        }
        _sessions.Remove(e.Session);
        _tornDown.Add(e.Session);
        _tornDownOrder.Enqueue(e.Session);
        if (_tornDownOrder.Count > RememberedTornDown) _tornDown.Remove(_tornDownOrder.Dequeue());
    }

    private void OnSubsidiaryOpened(SubsidiaryOpened e)
    {
        if (!TrySession(e.Session, out var session)) return;
        if (e.Epoch != session.LatestEpoch + 1)
        {
            Violations.Record(ViolationKind.HarnessError, e.Session, $"subsidiary epoch {e.Epoch} opened after epoch {session.LatestEpoch}");
            if (e.Epoch <= session.LatestEpoch) return;
        }
        if (session.LatestEpoch > 0 && session.Epochs.TryGetValue(session.LatestEpoch, out var previous) && !previous.Closing)
            Violations.Record(ViolationKind.HarnessError, e.Session, $"subsidiary epoch {e.Epoch} opened while epoch {previous.Epoch} had not begun its last close");
        session.LatestEpoch = e.Epoch;
        // PD3: an open racing the manager's close may succeed; then it must receive the hang-up.
        session.Epochs.Add(e.Epoch, new EpochLedger(e.Session, e.Epoch) { HangupOwed = session.ManagerClosed });
        PruneSettledEpochs(session);
    }

    private void OnReceived(Received e)
    {
        if (!TryStream(e.Stream, out var stream)) return;
        if (e.Stream.Direction == Direction.SubsidiaryToManager && e.Stream.Epoch > 1)
            CheckEarlierEofs(_sessions[e.Stream.Session], e.Stream.Epoch);
        if (ReceivedOnTerminal(e)) return;
        stream.OnReceived(e.Bytes.Span, _streamForTag, Violations);
    }

    private void OnMinorsAllocated(MinorsAllocated e)
    {
        _lastMinorCount = e.Count;
        if (e.Limit > 0 && e.Count > e.Limit)
            Violations.Record(ViolationKind.MinorLimitExceeded, -1, $"{e.Count} minors allocated with the limit at {e.Limit} (PD2)");
    }

    private void OnMemorySample(MemorySample e)
    {
        var limit = _budget.LimitFor(e.LivePtys);
        if (e.ManagedBytes > limit)
            Violations.Record(ViolationKind.MemoryBudget, -1, $"managed memory {ByteSize.Format(e.ManagedBytes)} with {e.LivePtys} live ptys exceeds the budget {ByteSize.Format(limit)} ({_budget})");
    }

    private void PruneSettledEpochs(SessionLedger session)
    {
        List<int>? settled = null;
        foreach (var epoch in session.Epochs.Values)
            if (epoch.Epoch < session.LatestEpoch - 1 && epoch.Settled) (settled ??= new()).Add(epoch.Epoch);
        if (settled is null) return;
        foreach (var number in settled)
        {
            ReleaseEpoch(session, session.Epochs[number]);
            session.Epochs.Remove(number);
        }
    }

    private void ReleaseEpoch(SessionLedger session, EpochLedger epoch)
    {
        epoch.ManagerToSubsidiary.Release(Violations);
        epoch.SubsidiaryToManager.Release(Violations);
    }

    private bool TrySession(long id, out SessionLedger session)
    {
        if (_sessions.TryGetValue(id, out session!)) return true;
        if (_tornDown.Contains(id)) LateEvents++;
        else Violations.Record(ViolationKind.HarnessError, id, "event for a session that was never started");
        return false;
    }

    private bool TryEpoch(long sessionId, int epochNumber, out EpochLedger epoch)
    {
        epoch = null!;
        if (!TrySession(sessionId, out var session)) return false;
        if (session.Epochs.TryGetValue(epochNumber, out epoch!)) return true;
        if (epochNumber >= 1 && epochNumber <= session.LatestEpoch) LateEvents++;
        else Violations.Record(ViolationKind.HarnessError, sessionId, $"event for subsidiary epoch {epochNumber}, which was never opened");
        return false;
    }

    private bool TryStream(StreamKey key, out StreamLedger stream)
    {
        stream = null!;
        if (!TryEpoch(key.Session, key.Epoch, out var epoch)) return false;
        stream = epoch.Stream(key.Direction);
        return true;
    }

    // Names the source of misplaced bytes: any epoch of a live session, either direction.
    private StreamKey? StreamForTag(uint tag)
    {
        foreach (var session in _sessions.Values)
            foreach (var epochNumber in session.Epochs.Keys)
                for (var d = 0; d < 2; d++)
                {
                    var key = new StreamKey(session.Session, (Direction)d, epochNumber);
                    if (PayloadPattern.Tag(key) == tag) return key;
                }
        return null;
    }
}
