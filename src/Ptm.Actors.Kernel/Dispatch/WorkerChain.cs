using System.Diagnostics;

namespace Ptm.Actors.Kernel.Dispatch;

/// <summary>
/// What one ThreadPool thread carries while it chains mailbox runs together (Mailbox.Execute).
///
/// Hand-offs: a mailbox that a run (or a resumed caller) wakes is run later on this thread, in
/// the order woken (up to eight), instead of being queued and another thread woken for it. On a
/// small machine every wake-up sets an idle pool thread spinning, and that spinning, not the
/// actors, was most of the cost of a request-reply chain. A handed-off mailbox is scheduled (and
/// counted busy) exactly once before it runs, as ever. What a run's earlier message woke goes to
/// the pool before the run's next message, so it never waits for later messages of that run;
/// older hand-offs wait for the runs ahead of them, and after a quantum the chain goes back to
/// the pool.
///
/// Deferred completion: a completion posted during a run (ActorSystem.RunAfterTurn) runs here
/// once the run has released its mailbox and before the system can be idle; a second one posted
/// in the same run sends the first to the pool. The caller it
/// resumes runs on this thread, and what that caller tells next is handed off, so a sequential
/// caller and the actors it talks to share one warm thread and wake nobody.
///
/// Caller code may block. While it runs, <see cref="HandOffWatchdog"/> may take this chain's
/// hand-offs and queue them to the pool, and leave the run's busy count, so a caller blocking
/// on a mailbox it woke itself, or on the system becoming idle, waits a few milliseconds,
/// never forever. Only the watchdog and the owner touch the slots, each with an exchange, so
/// exactly one of them schedules a handed-off mailbox.
/// </summary>
internal sealed class WorkerChain
{
    private const int Capacity = 8; // a power of two
    private static readonly long s_quantum = Stopwatch.Frequency / 100; // 10 ms of chained runs, then back to the pool
    private const int RunsBetweenClockReads = 16; // reading the clock per run cost more than some runs

    [ThreadStatic] private static WorkerChain? t_chain;   // this thread's, made once
    [ThreadStatic] private static WorkerChain? t_current; // set only inside Mailbox.Execute

    private readonly Mailbox?[] _handOffs = new Mailbox?[Capacity];
    private int _head;  // owner only
    private int _count; // owner only
    private IThreadPoolWorkItem? _deferred;
    private ActorSystem? _runSystem; // the system whose mailbox runs now; null outside a run
    private long _callerCode;        // odd while resumed caller code runs; bumped at its start and end (no clock read)
    private int _runMark;            // hand-offs made before the current run began
    private IdleTracker? _busyWhileCallerRuns; // left by whichever of the owner and the watchdog takes it first

    private WorkerChain() => Thread = Thread.CurrentThread;

    /// <summary>The chain of this thread while it is inside Mailbox.Execute, else null.</summary>
    public static WorkerChain? Current => t_current;

    internal Thread Thread { get; }

    /// <summary>Which stretch of caller code runs now: odd while one runs, and a new value for each.</summary>
    internal long CallerCodeEpisode => Volatile.Read(ref _callerCode);

    /// <summary>The episode the watchdog saw at its last look (only the watchdog, under its lock, touches it).</summary>
    internal long EpisodeAtLastLook { get; set; }

    public static WorkerChain Enter()
    {
        var chain = t_chain ??= HandOffWatchdog.Register(new WorkerChain());
        t_current = chain;
        return chain;
    }

    /// <summary>Leaves Execute: whatever is still handed off goes to the pool.</summary>
    public void Leave()
    {
        t_current = null;
        FlushHandOffs();
    }

    /// <summary>Runs handed-off mailboxes on this thread for one quantum; the rest go back to the pool.</summary>
    public void RunHandOffs()
    {
        var deadline = Stopwatch.GetTimestamp() + s_quantum;
        var runs = 0;
        while (TryTakeHandOff() is { } next)
        {
            next.Run(this);
            if (++runs % RunsBetweenClockReads == 0 && Stopwatch.GetTimestamp() > deadline) return;
        }
    }

    /// <summary>Takes <paramref name="mailbox"/> to run next on this thread; false when the chain is full.</summary>
    public bool TryHandOff(Mailbox mailbox)
    {
        if (_count == Capacity) return false;
        Volatile.Write(ref _handOffs[(_head + _count) & (Capacity - 1)], mailbox);
        _count++;
        return true;
    }

    /// <summary>Queues every handed-off mailbox to its dispatcher (before a run's next message, and on leaving).</summary>
    public void FlushHandOffs()
    {
        while (TryTakeHandOff() is { } woken) woken.ScheduleOnDispatcher();
    }

    /// <summary>Taken by the watchdog: this chain's thread is stuck in the caller code of <paramref name="episode"/>.</summary>
    internal void Rescue(long episode)
    {
        for (var i = 0; i < Capacity; i++)
            if (Interlocked.Exchange(ref _handOffs[i], null) is { } woken) woken.ScheduleOnDispatcher();
        // Only the stuck episode's busy count: one that has just ended took its own already.
        if (Volatile.Read(ref _callerCode) == episode) Interlocked.Exchange(ref _busyWhileCallerRuns, null)?.Exit();
    }

    /// <summary>A run starts: hand-offs made before it (by earlier runs) are left to wait for it.</summary>
    public void BeginRun(ActorSystem system)
    {
        _runSystem = system;
        _runMark = _count;
    }

    /// <summary>
    /// A run's next message is about to start: mailboxes its earlier messages woke must not wait
    /// for it, so they go to the pool; older hand-offs wait for the run as a whole. A caller an
    /// earlier message completed waits too (at most Throughput messages): queuing it would wake
    /// another thread, and on a small machine that wake-up costs more than the wait.
    /// </summary>
    public void BeforeNextMessage()
    {
        while (_count > _runMark)
        {
            _count--;
            if (Interlocked.Exchange(ref _handOffs[(_head + _count) & (Capacity - 1)], null) is { } woken) woken.ScheduleOnDispatcher();
        }
    }

    /// <summary>Posts a completion for after the current run; false outside a run of <paramref name="system"/>.</summary>
    public bool TryDefer(ActorSystem system, IThreadPoolWorkItem completion)
    {
        if (!ReferenceEquals(_runSystem, system)) return false;
        if (_deferred is not null) system.QueueCounted(_deferred); // one resumed caller per run; an earlier one does not wait
        _deferred = completion;
        return true;
    }

    /// <summary>
    /// The run has released its mailbox: resume the deferred caller here, still counted busy,
    /// then leave <paramref name="busy"/> (the run's place in the idle count; null when the
    /// mailbox stays scheduled). A caller stuck here is let go of by the watchdog, busy count
    /// included, so even a caller that blocks until the system is idle gets there.
    /// </summary>
    public void EndRun(IdleTracker? busy)
    {
        _runSystem = null;
        if (_deferred is not { } completion)
        {
            busy?.Exit();
            return;
        }
        _deferred = null;
        _busyWhileCallerRuns = busy;
        Interlocked.Increment(ref _callerCode); // odd now; a full fence before the watchdog's flag is read
        HandOffWatchdog.EnsureArmed();
        try
        {
            completion.Execute();
        }
        finally
        {
            Volatile.Write(ref _callerCode, _callerCode + 1); // even again; only this thread writes it
            Interlocked.Exchange(ref _busyWhileCallerRuns, null)?.Exit();
        }
    }

    private Mailbox? TryTakeHandOff()
    {
        while (_count > 0)
        {
            var slot = _head;
            _head = (_head + 1) & (Capacity - 1);
            _count--;
            if (Interlocked.Exchange(ref _handOffs[slot], null) is { } mailbox) return mailbox;
            // The watchdog already scheduled this one.
        }
        _head = 0;
        return null;
    }
}

