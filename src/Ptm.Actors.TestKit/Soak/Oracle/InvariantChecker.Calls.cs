namespace Ptm.Actors.TestKit.Soak.Oracle;

/// <summary>
/// The calls half of the checker (R9: every call is answered on every path). A blocked call may
/// wait for ever while its peer lives: a read for data nobody writes, a write held by flow
/// control or by PD5. Once the rules say it must end, it gets a patience, counted in the system's
/// time (TimePassed), and a call still pending after that is call_hung at that moment, naming
/// its session. Opens and closes are left to the teardown check: they return only once the
/// Clone actor has done its part (ptms_close, L16; R7), which timer_delay holds at will, and a
/// blocking close may first drain for 15 s (H3).
/// * the manager's close or crash has completed: the subsidiary is hung up, so its reads drain
///   and return 0, its writes fail EIO, its ioctls fail (L14, L15, PD6, PD13, R9), and the
///   manager's own calls were ended by its close (EBADF) or crash (EIO, PD13): every call;
/// * a subsidiary's last close or crash has completed: its own calls were ended with it (EBADF,
///   or EIO, PD13), and a manager read must return, since the EOF follows all the epoch's data
///   (L13, D16) unless a flush of the manager's read side discarded it (D4, D5, D6). The
///   manager's writes and ioctls may stay held (PD5, H5): they are not owed anything.
/// </summary>
internal sealed partial class InvariantChecker
{
    /// <summary>
    /// How long an owed call may take, in the system's time: the messages that end it are in
    /// flight, nothing waits on a timer. No longer than the workload waits for anything in its
    /// teardown (SoakDriver.TeardownPatience), or a session would close the call away first.
    /// </summary>
    public static readonly TimeSpan DefaultCallPatience = TimeSpan.FromSeconds(2);

    // Sessions with at least one owed call that has not completed or been reported.
    private readonly HashSet<SessionLedger> _owing = new();
    private long _now;

    /// <summary>The longest an owed call took to complete (or had waited when reported hung), in the system's time.</summary>
    public TimeSpan LongestOwedWait { get; private set; }

    private void OnCallStarted(CallStarted e)
    {
        if (!TrySession(e.Session, out var session)) return;
        var call = new OpenCall(e.Operation);
        if (!session.OpenCalls.TryAdd(e.CallId, call))
        {
            Violations.Record(ViolationKind.HarnessError, e.Session, $"call id {e.CallId} started twice");
            return;
        }
        if (session.ManagerClosed) Owe(session, call, session.ManagerGoneWhy);
        else if (call.Side == Side.Manager && call.IsRead && OwedEof(session) is { } epoch) OweEof(session, call, epoch);
    }

    private void OnCallCompleted(CallCompleted e)
    {
        if (!TrySession(e.Session, out var session)) return;
        if (!session.OpenCalls.Remove(e.CallId, out var call))
        {
            Violations.Record(ViolationKind.HarnessError, e.Session, $"call id {e.CallId} completed but was never started");
            return;
        }
        if (call.Owed) NoteOwedWait(call);
    }

    private void OnTimePassed(TimePassed e)
    {
        if (e.Now.Ticks > _now) _now = e.Now.Ticks;
        if (_owing.Count == 0) return;
        List<SessionLedger>? done = null;
        foreach (var session in _owing)
            if (!JudgeOwedCalls(session)) (done ??= new()).Add(session);
        if (done is not null) foreach (var session in done) _owing.Remove(session);
    }

    /// <summary>Reports the owed calls past their patience; true while some owed call is still within it.</summary>
    private bool JudgeOwedCalls(SessionLedger session)
    {
        var waiting = false;
        foreach (var (id, call) in session.OpenCalls)
        {
            if (!call.Owed || call.Hung) continue;
            if (call.DueTicks > _now)
            {
                waiting = true;
                continue;
            }
            if (call.EofEpoch > 0 && !EofStillQueued(session, call.EofEpoch))
            {
                call.DueTicks = long.MaxValue; // the EOF was flushed after all (D4, D5, D6): the read may wait again
                continue;
            }
            call.Hung = true;
            NoteOwedWait(call);
            Violations.Record(ViolationKind.CallHung, session.Session,
                $"call {id} ({call.Operation}) still pending {DurationText.Format(_patience)} after {call.Why} (R9)");
        }
        return waiting;
    }

    /// <summary>The manager's close or crash has completed: every call of the session must end (L14, L15, PD13).</summary>
    private void OweEverything(SessionLedger session)
    {
        foreach (var call in session.OpenCalls.Values) Owe(session, call, session.ManagerGoneWhy);
    }

    /// <summary>A subsidiary epoch's last close or crash has completed (L12, PD13); the manager's reads are owed its EOF (L13).</summary>
    private void OweAfterSubsidiaryClosed(SessionLedger session, EpochLedger epoch)
    {
        var why = epoch.ClosedBy == SideEnd.Crash
            ? $"subsidiary epoch {epoch.Epoch} crashed (PD13)"
            : $"subsidiary epoch {epoch.Epoch}'s last close completed (L12)";
        var eofOwed = !session.ManagerClosing && EofStillQueued(session, epoch.Epoch);
        foreach (var call in session.OpenCalls.Values)
        {
            if (call.Side == Side.Subsidiary) Owe(session, call, why);
            else if (eofOwed && call.IsRead) OweEof(session, call, epoch.Epoch);
        }
    }

    private void OweEof(SessionLedger session, OpenCall call, int epoch)
    {
        if (Owe(session, call, $"subsidiary epoch {epoch}'s end, whose EOF the manager had not read (L13)")) call.EofEpoch = epoch;
    }

    /// <summary>Starts the call's patience; false if it was owed already.</summary>
    private bool Owe(SessionLedger session, OpenCall call, string why)
    {
        if (call.Owed || call.Hung || call.EndsAtClone) return false;
        call.OwedSinceTicks = _now;
        call.DueTicks = _now + _patience.Ticks;
        call.Why = why;
        call.EofEpoch = 0;
        _owing.Add(session);
        return true;
    }

    /// <summary>The oldest epoch whose EOF the manager's read queue must still hold (closed, owed, unread, not flushed), or null.</summary>
    private static int? OwedEof(SessionLedger session)
    {
        if (session.ManagerClosing) return null;
        int? oldest = null;
        foreach (var epoch in session.Epochs.Values)
            if (epoch.Closed && EofStillQueued(session, epoch.Epoch) && (oldest is null || epoch.Epoch < oldest)) oldest = epoch.Epoch;
        return oldest;
    }

    private static bool EofStillQueued(SessionLedger session, int epochNumber) =>
        !session.ManagerClosing && session.Epochs.TryGetValue(epochNumber, out var epoch) &&
        epoch.EofOwed && epoch.EofCount == 0 && !epoch.EofMayBeFlushed;

    private void NoteOwedWait(OpenCall call)
    {
        var waited = TimeSpan.FromTicks(Math.Max(0, _now - call.OwedSinceTicks));
        if (waited > LongestOwedWait) LongestOwedWait = waited;
    }

    private void ReportOpenCalls(SessionLedger session, string when)
    {
        foreach (var (callId, call) in session.OpenCalls)
            if (!call.Hung) Violations.Record(ViolationKind.CallHung, session.Session, $"call {callId} ({call.Operation}) still incomplete {when} (R9)");
        session.OpenCalls.Clear();
        _owing.Remove(session);
    }
}
