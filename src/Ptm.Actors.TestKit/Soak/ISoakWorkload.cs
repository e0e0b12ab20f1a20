namespace Ptm.Actors.TestKit.Soak;

/// <summary>
/// What a soak run drives (SoakRun.RunAsync runs one). The pty workload of `ptm soak` is one; a
/// host app writes its own to soak its workload on our ptys. It drives: many concurrent pty sessions with injected faults, through the pty
/// host API, reporting every step as SoakEvents. The contract the checker relies on:
/// * Run about options.Ptys sessions live at once; give each a unique id (SessionStarted).
/// * Write only PayloadPattern bytes, one write in flight per stream, announcing each write
///   before it is issued (WriteStarted) and its count after (Accepted).
/// * Report reads with the stream they belong to: a subsidiary reads its own epoch's m->s
///   stream; the manager reads s->m of the epoch after the last one whose EOF it has read.
///   Only the first open of an epoch is SubsidiaryOpened (later opens join its stream, L9).
/// * Announce closes and crashes before issuing them (ManagerClosing, SubsidiaryClosing) and
///   report completion after (ManagerClosed, SubsidiaryClosed); open a discard window around
///   every flush on each stream it can touch (FlushScope).
/// * Before an orderly manager close, read the manager until the EOF of every subsidiary epoch
///   that has finished closing (L13); before an orderly subsidiary close after the manager has
///   gone, observe the hang-up (L15). Faults (abrupt_close, crashes) are exempt.
/// * Wrap every call in CallStarted/CallCompleted, its operation named as SoakOperations reads
///   it (a manager call ends in "_m"); emit SessionTornDown only when every handle of the
///   session is closed and its calls have had time to complete.
/// * Tell the system's time (TimePassed) as it passes, and wait for a call the rules owe an answer
///   (InvariantChecker.Calls.cs) at least the checker's patience before closing it away: the
///   checker reports it as call_hung, with its session, when that patience runs out.
/// * Once every session is torn down, if minors are still allocated, name them (MinorsStillAllocated).
/// * Sample the Clone actor's minor count (MinorsAllocated) and managed memory (MemorySample)
///   now and then, and once more after every session is torn down; report dead letters.
///   Without a single MinorsAllocated sample the checker reports harness_error: leaks go unchecked.
/// * Run for options.Duration (in the dispatcher's time when options.Deterministic) or until ct
///   is cancelled, whichever comes first; then tear every session down and return.
/// The runner cancels ct when Duration has passed on the wall clock, counted from Ready when the
/// workload signals it (Ctrl+C sooner; a deterministic
/// run only at Ctrl+C, its Duration being virtual time) and reports workload_hung if RunAsync has
/// not returned options.TeardownGrace after that.
/// Some events are the TestKit's own pty workload's and stay internal (discard windows around
/// flushes, memory samples, dead letters, terminal sessions): a host workload that flushes or
/// pushes modules cannot report it yet.
/// </summary>
public interface ISoakWorkload
{
    /// <summary>Runs the workload, reporting every step to <paramref name="sink"/>, until <paramref name="ct"/> is cancelled or its own Duration is over; then tears every session down and returns.</summary>
    /// <param name="options">The run's settings.</param>
    /// <param name="sink">Where the workload reports what it does and sees; the checker reads only this.</param>
    /// <param name="ct">Cancelled when the run is over (its duration, or the caller's cancellation).</param>
    /// <returns>A task that completes once every session is torn down.</returns>
    Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct);

    /// <summary>
    /// True if the workload calls <see cref="ISoakEventSink.Ready"/> once set up, so the run's
    /// Duration leaves its set-up out (an actor system's start can take a second on a busy machine).
    /// </summary>
    bool SignalsReady => false;
}
