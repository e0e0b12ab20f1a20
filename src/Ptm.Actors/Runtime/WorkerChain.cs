using System.Diagnostics;
using Akka.Dispatch;

namespace Ptm.Actors.Runtime;

/// <summary>
/// What one ThreadPool thread carries while it chains Akka.NET mailbox runs together
/// (<see cref="ChainingExecutor"/>).
///
/// Hand-offs: a mailbox that a run (or a resumed caller) wakes is run later on this thread, in
/// the order woken (up to eight), instead of being queued and another thread woken for it. On a
/// small machine every wake-up sets an idle pool thread spinning, and that spinning, not the
/// actors, was most of the cost of a request-reply chain. A handed-off mailbox is counted busy
/// exactly once before it runs. Hand-offs wait for the run that made them as a whole (Akka's
/// Mailbox.Run shows no message boundaries; a pty actor's turn takes microseconds, and sending
/// them to the pool at each boundary woke a thread per pty open and halved open/close). A run
/// that takes long, such as an actor blocking in its handler, loses them to the watchdog
/// within a few milliseconds instead. After a quantum the chain goes back to the pool.
///
/// Deferred completion: a call completed during a run (<see cref="ChainingDriver.Complete"/>) is
/// resumed here once Akka's Mailbox.Run has returned, so the caller's code never runs inside an
/// actor's turn, and before the dispatcher can be idle; a second one in the same run sends the
/// first to the pool. What that caller tells next is handed off, so a sequential caller and the
/// actors it talks to share one warm thread and wake nobody.
///
/// Caller code may block. While it runs, <see cref="HandOffWatchdog"/> may take this chain's
/// hand-offs and queue them to the pool, and leave the run's busy count, so a caller blocking on
/// a mailbox it woke itself, or on the dispatcher becoming idle, waits a few milliseconds, never
/// forever. Only the watchdog and the owner touch the slots, each with an exchange, so exactly
/// one of them schedules a handed-off run.
/// </summary>
internal sealed class WorkerChain
{
    private const int Capacity = 8; // a power of two
    private const int RunsBetweenClockReads = 16;
    private static readonly long s_quantum = Stopwatch.Frequency / 100; // 10 ms of chained runs, then back to the pool

    [ThreadStatic] private static WorkerChain? t_chain;   // this thread's, made once
    [ThreadStatic] private static WorkerChain? t_current; // set only while the chain runs

    private readonly IRunnable?[] _runs = new IRunnable?[Capacity];
    private readonly ChainingDriver?[] _drivers = new ChainingDriver?[Capacity];
    private int _head;  // owner only
    private int _count; // owner only
    private IThreadPoolWorkItem? _deferred;
    private ChainingDriver? _runDriver; // whose mailbox runs now; null outside a run
    private long _runCode;              // odd while a mailbox run is under way; bumped at its start and end
    private long _callerCode;           // odd while resumed caller code runs; bumped at its start and end
    private IdleTracker? _busyWhileCallerRuns; // left by whichever of the owner and the watchdog takes it first

    private WorkerChain() => Thread = Thread.CurrentThread;

    /// <summary>The chain of this thread while it runs mailboxes, else null.</summary>
    public static WorkerChain? Current => t_current;

    internal Thread Thread { get; }

    /// <summary>Which stretch of caller code runs now: odd while one runs, and a new value for each.</summary>
    internal long CallerCodeEpisode => Volatile.Read(ref _callerCode);

    /// <summary>The episode the watchdog saw at its last look (only the watchdog, under its lock, touches it).</summary>
    internal long EpisodeAtLastLook { get; set; }

    /// <summary>Which mailbox run is under way now: odd while one runs, and a new value for each.</summary>
    internal long RunEpisode => Volatile.Read(ref _runCode);

    /// <summary>The run episode the watchdog saw at its last look.</summary>
    internal long RunEpisodeAtLastLook { get; set; }

    public static WorkerChain Enter()
    {
        var chain = t_chain ??= HandOffWatchdog.Register(new WorkerChain());
        t_current = chain;
        return chain;
    }

    /// <summary>Leaves the pool work item: whatever is still handed off goes to the pool.</summary>
    public void Leave()
    {
        t_current = null;
        while (TryTakeHandOff(out var run, out var driver)) driver.QueueToPool(run);
    }

    /// <summary>One counted mailbox run, then the caller it completed, then its place in the busy count.</summary>
    public void Run(IRunnable run, ChainingDriver driver)
    {
        _runDriver = driver;
        BeginEpisode(ref _runCode);
        try
        {
            run.Run();
        }
        finally
        {
            EndEpisode(ref _runCode);
            _runDriver = null;
            ResumeDeferred(driver.Idle);
        }
    }

    /// <summary>Runs handed-off mailboxes on this thread for one quantum; the rest go back to the pool on Leave.</summary>
    public void RunHandOffs()
    {
        var deadline = Stopwatch.GetTimestamp() + s_quantum;
        var runs = 0;
        while (TryTakeHandOff(out var next, out var driver))
        {
            Run(next, driver);
            if (++runs % RunsBetweenClockReads == 0 && Stopwatch.GetTimestamp() > deadline) return;
        }
    }

    /// <summary>Takes a woken mailbox to run next on this thread; false when the chain is full.</summary>
    public bool TryHandOff(IRunnable run, ChainingDriver driver)
    {
        if (_count == Capacity) return false;
        var slot = (_head + _count) & (Capacity - 1);
        _drivers[slot] = driver;
        Volatile.Write(ref _runs[slot], run); // published after its driver: whoever takes the run reads the driver
        _count++;
        return true;
    }

    /// <summary>Taken by the watchdog: this chain's thread is stuck in the caller code of <paramref name="episode"/>.</summary>
    internal void Rescue(long episode)
    {
        RescueHandOffs();
        // Only the stuck episode's busy count: one that has just ended took its own already.
        if (Volatile.Read(ref _callerCode) == episode) Interlocked.Exchange(ref _busyWhileCallerRuns, null)?.Exit();
    }

    /// <summary>Taken by the watchdog: this chain's thread has been in one mailbox run for a whole period (a handler that blocks).</summary>
    internal void RescueHandOffs()
    {
        for (var i = 0; i < Capacity; i++)
            if (Interlocked.Exchange(ref _runs[i], null) is { } woken) _drivers[i]!.QueueToPool(woken);
    }

    /// <summary>Posts a completion for after the current run; false outside a run of <paramref name="driver"/>'s dispatcher.</summary>
    public bool TryDefer(ChainingDriver driver, IThreadPoolWorkItem completion)
    {
        if (!ReferenceEquals(_runDriver, driver)) return false;
        if (_deferred is not null) driver.QueueCounted(_deferred); // one resumed caller per run; an earlier one does not wait
        _deferred = completion;
        return true;
    }

    /// <summary>
    /// The run is over: resume the deferred caller here, still counted busy, then leave
    /// <paramref name="busy"/>. A caller stuck here is let go of by the watchdog, busy count
    /// included, so even a caller that blocks until the dispatcher is idle gets there.
    /// </summary>
    private void ResumeDeferred(IdleTracker busy)
    {
        if (_deferred is not { } completion)
        {
            busy.Exit();
            return;
        }
        _deferred = null;
        _busyWhileCallerRuns = busy;
        BeginEpisode(ref _callerCode);
        try
        {
            completion.Execute();
        }
        finally
        {
            EndEpisode(ref _callerCode);
            Interlocked.Exchange(ref _busyWhileCallerRuns, null)?.Exit();
        }
    }

    /// <summary>A stretch the watchdog may find stuck begins: its counter turns odd (a full fence before the watchdog's flag is read).</summary>
    private static void BeginEpisode(ref long counter)
    {
        Interlocked.Increment(ref counter);
        HandOffWatchdog.EnsureArmed();
    }

    /// <summary>The stretch is over: the counter is even again (only the owning thread writes it).</summary>
    private static void EndEpisode(ref long counter) => Volatile.Write(ref counter, counter + 1);

    private bool TryTakeHandOff(out IRunnable run, out ChainingDriver driver)
    {
        while (_count > 0)
        {
            var slot = _head;
            _head = (_head + 1) & (Capacity - 1);
            _count--;
            if (Interlocked.Exchange(ref _runs[slot], null) is { } taken)
            {
                run = taken;
                driver = _drivers[slot]!;
                return true;
            }
            // The watchdog already scheduled this one.
        }
        _head = 0;
        run = null!;
        driver = null!;
        return false;
    }
}
