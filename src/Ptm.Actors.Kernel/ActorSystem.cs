using Ptm.Actors.Kernel.Dispatch;
using Serilog;
using Serilog.Core;

namespace Ptm.Actors.Kernel;

/// <summary>
/// A hierarchy of actors: root guardian, /user guardian, and the actors an application creates
/// under /user. Terminate() stops /user (children first, two-phase) and then the root; it runs
/// once and returns the same Task on every call.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _root;
    private readonly ActorCell _user;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DeterministicDispatcher? _deterministic;
    private int _terminateRequested;
    private long _uids;

    private ActorSystem(string name, ActorSystemOptions options)
    {
        Name = name;
        Options = options;
        Time = options.Time ?? (options.DeterministicSeed is null ? TimeProvider.System : new ManualTimeProvider());
        // Nobody advances a manual clock for a zero-delay timer on the thread pool: it fires at once there.
        if (Time is ManualTimeProvider manual && options.DeterministicSeed is null) manual.FireImmediateTimersOnThreadPool = true;
        Log = options.Logger ?? Logger.None;
        if (options.DeterministicSeed is { } seed)
        {
            _deterministic = new DeterministicDispatcher(seed, options.RecordTrace);
            Dispatcher = _deterministic;
        }
        else Dispatcher = new ThreadPoolDispatcher(options.Throughput);
        Scheduler = new KernelScheduler(Time, () => Idle!.Check());
        Idle = new IdleTracker(Scheduler.AnyDue);
        DeadLetters = new DeadLetterActorRef(this);
        DeadLetterStream = new DeadLetterStream(this);

        _root = new ActorCell(this, Props.Create(() => new GuardianActor(SupervisorStrategy.StoppingStrategy)), null, "");
        _root.Start();
        _user = CreateGuardianChild(_root, "user", options.GuardianStrategy);
        RunIfDeterministic();
    }

    public string Name { get; }
    public ActorSystemOptions Options { get; }
    public TimeProvider Time { get; }
    public ILogger Log { get; }

    /// <summary>The ref that publishes whatever it is told as a dead letter.</summary>
    public IActorRef DeadLetters { get; }

    public DeadLetterStream DeadLetterStream { get; }

    public bool IsTerminated => _terminated.Task.IsCompleted;

    /// <summary>True from the moment Terminate() is called.</summary>
    public bool IsShuttingDown => Volatile.Read(ref _terminateRequested) != 0;

    public Task WhenTerminated => _terminated.Task;

    public bool IsDeterministic => _deterministic is not null;

    /// <summary>The messages processed so far, in order, on a deterministic system (empty otherwise).</summary>
    public IReadOnlyList<string> Trace => _deterministic?.Trace ?? Array.Empty<string>();

    internal IDispatcher Dispatcher { get; }
    internal DeterministicDispatcher? DeterministicDispatcher => _deterministic;
    internal IdleTracker Idle { get; }
    internal KernelScheduler Scheduler { get; }

    public static ActorSystem Create(string name, ActorSystemOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"Invalid actor system name '{name}': use letters, digits, '-' and '_'.", nameof(name));
        options ??= new ActorSystemOptions();
        options.Validate();
        return new ActorSystem(name, options);
    }

    /// <summary>Creates a top-level actor under /user.</summary>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        ThrowIfTerminated();
        return _user.ActorOf(props, name);
    }

    public void Stop(IActorRef actor) => _user.Stop(actor);

    /// <summary>
    /// Runs <paramref name="completion"/>, work that may resume a caller (completing a Task whose
    /// continuations run synchronously), off every actor's turn and before the system can be idle.
    /// Posted during a turn on the ThreadPool dispatcher, it runs on the same thread as soon as
    /// that mailbox run has released its mailbox: the caller resumes without a thread hop, and
    /// the actor it tells next runs on the same thread too. Posted anywhere else (another thread,
    /// a deterministic system, or a second completion in one run) it is queued to the ThreadPool.
    /// </summary>
    public void RunAfterTurn(IThreadPoolWorkItem completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (WorkerChain.Current is { } chain && chain.TryDefer(this, completion)) return;
        QueueCounted(completion);
    }

    /// <summary>
    /// How to make a TaskCompletionSource that <see cref="CompleteAfterTurn"/> completes:
    /// synchronous continuations on the ThreadPool dispatcher (they run after the turn anyway),
    /// asynchronous ones on a deterministic system.
    /// </summary>
    public TaskCreationOptions AfterTurnTaskOptions =>
        IsDeterministic ? TaskCreationOptions.RunContinuationsAsynchronously : TaskCreationOptions.None;

    /// <summary>
    /// Completes a caller's Task: through <see cref="RunAfterTurn"/> on the ThreadPool
    /// dispatcher; at once on a deterministic system, whose continuations are queued (its
    /// TaskCompletionSource was made with <see cref="AfterTurnTaskOptions"/>), so the seed alone
    /// decides how the actors interleave. Either way the Task is complete before the system is idle.
    /// </summary>
    public void CompleteAfterTurn(IThreadPoolWorkItem completion)
    {
        if (IsDeterministic) completion.Execute();
        else RunAfterTurn(completion);
    }

    /// <summary>Queues work to the ThreadPool, counted busy until it has run.</summary>
    internal void QueueCounted(IThreadPoolWorkItem work)
    {
        Idle.Enter();
        ThreadPool.UnsafeQueueUserWorkItem(new CountedWorkItem(work, Idle), preferLocal: false);
    }

    /// <summary>Completes when no mailbox holds or runs a message and no timer is due now. On a deterministic system it runs the actors to that point first.</summary>
    public Task WhenIdleAsync()
    {
        if (_deterministic is not null)
        {
            RunUntilIdle();
            return Task.CompletedTask;
        }
        return Idle.WhenIdleAsync();
    }

    /// <summary>Runs a deterministic system until nothing is ready (timers due at the current virtual time fire too). Returns the number of messages processed.</summary>
    public int RunUntilIdle()
    {
        if (_deterministic is null) throw new InvalidOperationException("RunUntilIdle needs a deterministic system (ActorSystemOptions.DeterministicSeed).");
        return _deterministic.RunUntilIdle(FireDueManualTimers);
    }

    /// <summary>Stops every actor, children before parents, then completes. Idempotent.</summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminateRequested, 1) == 0)
        {
            _user.SendSystem(Dispatch.Terminate.Instance);
            RunIfDeterministic();
        }
        return _terminated.Task;
    }

    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    internal void ThrowIfTerminated()
    {
        if (IsShuttingDown) throw new InvalidOperationException($"The actor system '{Name}' has been terminated; it cannot create actors or run asks.");
    }

    internal long NextUid() => Interlocked.Increment(ref _uids);

    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is DeathWatchDelivery or TimerFired or ReceiveTimeoutCheck) return; // kernel bookkeeping, not a user's letter
        DeadLetterStream.Publish(message, sender, recipient);
    }

    internal void ReportUnhandled(object message, IActorRef sender, IActorRef recipient) =>
        Log.Debug("Unhandled message {MessageType} from {Sender} to {Recipient}", message.GetType().Name, sender.Path.ToString(), recipient.Path.ToString());

    /// <summary>The /user guardian is gone (terminated or stopped by an escalation): stop the root, which ends the system.</summary>
    internal void OnUserGuardianTerminated()
    {
        Interlocked.Exchange(ref _terminateRequested, 1);
        _root.SendSystem(Dispatch.Terminate.Instance);
    }

    internal void OnRootTerminated()
    {
        Interlocked.Exchange(ref _terminateRequested, 1);
        Scheduler.CancelAll();
        _terminated.TrySetResult();
    }

    private ActorCell CreateGuardianChild(ActorCell parent, string name, SupervisorStrategy strategy)
    {
        var childRef = (LocalActorRef)parent.ActorOf(Props.Create(() => new GuardianActor(strategy)), name);
        return childRef.Cell;
    }

    private void RunIfDeterministic()
    {
        if (_deterministic is not null) RunUntilIdle();
    }

    private bool FireDueManualTimers()
    {
        return Time is ManualTimeProvider { PendingTimers: > 0 } manual && manual.FireDue() > 0;
    }
}
