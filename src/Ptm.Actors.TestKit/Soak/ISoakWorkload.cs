namespace Ptm.Actors.TestKit.Soak;

/// <summary>
/// What a soak run drives: many concurrent pty sessions with injected faults, through the pty
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
/// * Run for options.Duration (in the dispatcher's time when options.Deterministic) or until ct
///   is cancelled, whichever comes first; then tear every session down and return.
/// The runner cancels ct when Duration has passed on the wall clock, counted from Ready when the
/// workload signals it (Ctrl+C sooner; a deterministic
/// run only at Ctrl+C, its Duration being virtual time) and reports workload_hung if RunAsync has
/// not returned options.TeardownGrace after that.
/// </summary>
internal interface ISoakWorkload
{
    Task RunAsync(SoakOptions options, ISoakEventSink sink, CancellationToken ct);

    /// <summary>
    /// True if the workload calls <see cref="ISoakEventSink.Ready"/> once set up, so the run's
    /// Duration leaves its set-up out (an actor system's start can take a second on a busy machine).
    /// </summary>
    bool SignalsReady => false;
}

/// <summary>
/// The hook that connects `ptm soak` to a workload. The pty host API registers its workload
/// here at start-up (e.g. from Program.Main, before the command runs); until it does, `ptm soak`
/// says so and exits 2 instead of pretending to run.
/// </summary>
internal static class SoakWorkloadRegistry
{
    private static Func<ISoakWorkload>? _factory;

    /// <summary>True once a workload is registered.</summary>
    public static bool IsWired => Volatile.Read(ref _factory) is not null;

    /// <summary>Registers the factory of the workload `ptm soak` runs (the last registration wins).</summary>
    public static void Register(Func<ISoakWorkload> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Volatile.Write(ref _factory, factory);
    }

    /// <summary>A fresh workload, or null while none is registered.</summary>
    public static ISoakWorkload? Create() => Volatile.Read(ref _factory)?.Invoke();
}
