using System.Reflection;
using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;
using Ptm.Actors.Runtime;
using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.TestKit.Timing;

namespace Ptm.Actors.TestKit.Deterministic;

/*
 * The seeded dispatcher of one actor system: every mailbox run Akka.NET hands its executor is
 * queued here, and nothing runs until a caller drives the queue (RunUntilIdle, or the
 * PtySystem's WhenIdleAsync). The driver then runs one queued run at a time on its own thread,
 * picking the next with a Random made from the seed, so the same seed gives the same
 * interleaving and the same trace.
 *
 * Akka.NET keeps its own actors (guardians, loggers, event stream, scheduler) on its own
 * dispatchers; only the actors given this dispatcher are seeded, and of those only the ones
 * under /user (a TestKit seeds Akka.NET's default dispatcher, where some of Akka.NET's own
 * actors live too: they are told things from every thread, so they run on the ThreadPool). A run the seed picks may
 * wake others: they are queued too, from the driving thread. Anything queued from another
 * thread while a driver runs makes the order depend on timing: it is remembered (Violations),
 * which DeterministicPtys' users and the TestKit check, failing the test. Between drives, the
 * test's own thread starts calls; at start-up Akka's guardian starts the root actor from its
 * thread, and the system waits for that before it is handed out.
 *
 * Seeded dispatchers process one user message per run (throughput 1 with a throughput
 * deadline: see reference in SeededSystems), so every message is a point where the seed
 * chooses. Once the PtySystem shuts down, runs go to the ThreadPool: termination is not part
 * of any interleaving under test.
 */
internal sealed class SeededDriver(int seed, bool recordTrace, VirtualClock? clock) : IDispatcherDriver
{
    // Akka.NET's Mailbox keeps its ActorCell internal.
    private static readonly Func<Mailbox, ActorCell>? s_cellOf = typeof(Mailbox)
        .GetProperty("Actor", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?.GetMethod?.CreateDelegate<Func<Mailbox, ActorCell>>();

    // The run this thread is driving now: its queue notes the message it hands out.
    [ThreadStatic] private static Mailbox? t_running;
    [ThreadStatic] private static SeededDriver? t_runningFor;

    private readonly object _gate = new();
    private readonly List<IRunnable> _ready = new();
    private readonly Queue<Mailbox> _systemRuns = new();
    private readonly Random _random = new(seed);
    private readonly List<string> _trace = new();
    private readonly List<string> _violations = new();
    private readonly ManualResetEventSlim _firstRun = new();
    private Thread? _driver;
    private bool _released;
    private int _processed;

    public int Seed { get; } = seed;

    public CompletionMode CompletionMode => CompletionMode.Asynchronous;

    public bool IsDeterministic => true;

    /// <summary>Runs picked so far, each "actor" or "actor:MessageType" (when recorded).</summary>
    public IReadOnlyList<string> Trace
    {
        get { lock (_gate) return _trace.ToArray(); }
    }

    public int TraceCount
    {
        get { lock (_gate) return _trace.Count; }
    }

    /// <summary>Runs waiting to be driven, system-message-only ones included.</summary>
    internal int QueuedRuns
    {
        get { lock (_gate) return _ready.Count + _systemRuns.Count; }
    }

    /// <summary>Runs queued from another thread while the queue was being driven: each is a bug in the test or the harness.</summary>
    public IReadOnlyList<string> Violations
    {
        get { lock (_gate) return _violations.ToArray(); }
    }

    public void Execute(IRunnable run)
    {
        if (!IsUserActorRun(run))
        {
            // An actor of Akka.NET's own (event stream, loggers' helpers, dead-letter listener) on
            // this dispatcher: it is told things from every thread and is no part of the test.
            ThreadPool.UnsafeQueueUserWorkItem(run, preferLocal: false);
            return;
        }
        lock (_gate)
        {
            if (!_released)
            {
                if (run is Mailbox { MessageQueue: FaultableMessageQueue { HasMessages: false } } systemOnly)
                {
                    _systemRuns.Enqueue(systemOnly);
                    _firstRun.Set();
                    return;
                }
                if (_driver is { } driver && driver != Thread.CurrentThread)
                {
                    // Recorded, not thrown: Akka.NET swallows what an executor throws and leaves the
                    // mailbox marked scheduled, so the actor would never run (or stop) again. The run
                    // is queued; the order now depends on timing, and whoever checks fails the test.
                    _violations.Add($"{NameOf(run)}: a mailbox run was queued from thread {Environment.CurrentManagedThreadId} while thread {driver.ManagedThreadId} drove the seeded queue (seed {Seed}): the interleaving would depend on timing");
                }
                _ready.Add(run);
                _firstRun.Set();
                return;
            }
        }
        ThreadPool.UnsafeQueueUserWorkItem(run, preferLocal: false);
    }

    /// <summary>Waits (bounded) for the first run Akka.NET queues: the root actor's start, made on the guardian's thread.</summary>
    public void AwaitFirstRun(TimeSpan timeout)
    {
        if (!_firstRun.Wait(timeout))
            throw new TimeoutException($"the seeded dispatcher (seed {Seed}) was given no work within {timeout.TotalSeconds:0} s of starting its root actor");
    }

    /// <summary>The virtual clock whose due timers a drive fires (the system's scheduler's), if any.</summary>
    public VirtualClock? Clock => clock;

    /// <summary>
    /// Runs queued runs on this thread, picked by the seed, and fires the timers due now (on this
    /// thread too, so what they tell stays in the seeded order), until neither is left; returns
    /// how many runs ran.
    /// </summary>
    public int RunUntilIdle()
    {
        lock (_gate)
        {
            if (_driver is not null)
            {
                if (_driver == Thread.CurrentThread) return 0; // called from inside a run (a continuation): the outer loop carries on
                throw new InvalidOperationException($"the seeded queue (seed {Seed}) is already being driven by thread {_driver.ManagedThreadId}");
            }
            _driver = Thread.CurrentThread;
        }
        var ran = 0;
        try
        {
            while (true)
            {
                RunSystemMessages();
                if (TryPick(out var run))
                {
                    RunOne(run);
                    ran++;
                }
                else if (clock is null || clock.FireDue() == 0) break;
            }
        }
        finally
        {
            lock (_gate) _driver = null;
        }
        return ran;
    }

    /// <summary>
    /// Runs the mailboxes that had only system messages when scheduled (an actor's start, a
    /// watch, a stop), in the order they came, before the seed picks again: no pick, no trace
    /// entry, user messages held back meanwhile. Some come from Akka.NET's own threads at any
    /// time (the event stream's unsubscriber watches every subscriber), and a watch changes no
    /// seeded actor's behaviour, so their timing must not move the seed's choices.
    /// </summary>
    private void RunSystemMessages()
    {
        while (true)
        {
            Mailbox mailbox;
            lock (_gate)
                if (!_systemRuns.TryDequeue(out mailbox!)) return;
            var queue = (FaultableMessageQueue)mailbox.MessageQueue;
            queue.SystemOnly = true;
            try
            {
                RunOne(mailbox);
            }
            finally
            {
                queue.SystemOnly = false;
            }
            // A user message that came meanwhile found the mailbox scheduled; its run must still happen.
            if (queue.HasMessages && s_cellOf?.Invoke(mailbox) is { } cell) cell.Self.Tell(new Wake(null), ActorRefs.NoSender);
        }
    }

    private void RunOne(IRunnable run)
    {
        t_running = run as Mailbox;
        t_runningFor = this;
        try
        {
            run.Run();
        }
        finally
        {
            t_running = null;
            t_runningFor = null;
        }
    }

    public Task WhenIdleAsync()
    {
        RunUntilIdle();
        return Task.CompletedTask;
    }

    /// <summary>A finished call's continuations are queued (its TaskCompletionSource runs them asynchronously), never run inside a turn.</summary>
    public void Complete(IThreadPoolWorkItem completion) => completion.Execute();

    /// <summary>From here on every run goes to the ThreadPool, those already queued first.</summary>
    public void ShuttingDown()
    {
        List<IRunnable> left;
        lock (_gate)
        {
            _released = true;
            left = new List<IRunnable>(_ready);
            left.AddRange(_systemRuns);
            _ready.Clear();
            _systemRuns.Clear();
        }
        foreach (var run in left) ThreadPool.UnsafeQueueUserWorkItem(run, preferLocal: false);
    }

    /// <summary>
    /// A queue handed out a message: if it is the queue of the run this thread drives, the
    /// message's type joins the run's trace entry ("actor:MessageType"). Other queues (an actor on
    /// a calling-thread dispatcher, run inline by a Tell) are not part of the seeded order.
    /// </summary>
    public static void NoteDequeued(IMessageQueue queue, object message)
    {
        if (t_running is { } run && ReferenceEquals(run.MessageQueue, queue)) t_runningFor!.NoteMessage(message);
    }

    private void NoteMessage(object message)
    {
        if (!recordTrace) return;
        lock (_gate)
            if (_trace.Count > 0)
                _trace[^1] += ":" + message.GetType().Name;
    }

    private bool TryPick(out IRunnable run)
    {
        lock (_gate)
        {
            if (_ready.Count == 0)
            {
                run = null!;
                return false;
            }
            var index = _ready.Count == 1 ? 0 : _random.Next(_ready.Count);
            run = _ready[index];
            _ready.RemoveAt(index);
            _processed++;
            if (recordTrace) _trace.Add(NameOf(run));
            return true;
        }
    }

    /// <summary>The actor a mailbox run belongs to, by name.</summary>
    private static string NameOf(IRunnable run) =>
        run is Mailbox mailbox && s_cellOf?.Invoke(mailbox) is { } cell ? cell.Self.Path.Name : run.GetType().Name;

    /// <summary>Whether a run is a mailbox of an actor under /user (the test's or the ptys' actors).</summary>
    private static bool IsUserActorRun(IRunnable run)
    {
        if (run is not Mailbox mailbox || s_cellOf?.Invoke(mailbox) is not { } cell) return true;
        var path = cell.Self.Path;
        while (path.Parent is { } parent && parent is not RootActorPath) path = parent;
        return path.Name == "user";
    }
}
