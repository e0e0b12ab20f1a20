using System.Reflection;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;
using Ptm.Actors.Runtime;
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
 * dispatchers; only the actors given this dispatcher are seeded. A run the seed picks may
 * wake others: they are queued too, from the driving thread. Anything queued from another
 * thread while a driver runs would make the order depend on timing, so it is refused
 * (InvalidOperationException at the Tell) and remembered (Violations). Between drives, the
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
    private static readonly Func<object, string> s_nameOf = MailboxNamer();

    // The run this thread is driving now: its queue notes the message it hands out.
    [ThreadStatic] private static Mailbox? t_running;
    [ThreadStatic] private static SeededDriver? t_runningFor;

    private readonly object _gate = new();
    private readonly List<IRunnable> _ready = new();
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

    /// <summary>Runs queued from another thread while the queue was being driven: each is a bug in the test or the harness.</summary>
    public IReadOnlyList<string> Violations
    {
        get { lock (_gate) return _violations.ToArray(); }
    }

    public void Execute(IRunnable run)
    {
        lock (_gate)
        {
            if (!_released)
            {
                if (_driver is { } driver && driver != Thread.CurrentThread)
                {
                    var violation = $"a mailbox run was queued from thread {Environment.CurrentManagedThreadId} while thread {driver.ManagedThreadId} drove the seeded queue (seed {Seed}): the interleaving would depend on timing";
                    _violations.Add(violation);
                    throw new InvalidOperationException(violation);
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
            _ready.Clear();
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
            if (recordTrace) _trace.Add(s_nameOf(run));
            return true;
        }
    }

    /// <summary>The actor a mailbox run belongs to, by name: Akka.NET's Mailbox keeps its ActorCell internal.</summary>
    private static Func<object, string> MailboxNamer()
    {
        var actor = typeof(Mailbox).GetProperty("Actor", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        return run => run is Mailbox && actor?.GetValue(run) is Akka.Actor.ActorCell cell ? cell.Self.Path.Name : run.GetType().Name;
    }
}
