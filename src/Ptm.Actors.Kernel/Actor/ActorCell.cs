using Ptm.Actors.Kernel.Dispatch;

namespace Ptm.Actors.Kernel;

/// <summary>
/// The kernel's record of one actor incarnation: its mailbox, current behaviour, children,
/// watches, stash and timers. Everything here except the mailbox is touched only on the
/// actor's own turn (one thread at a time), so it needs no locks. Concerns are split across
/// partial files: Children, DeathWatch, FaultHandling.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    private const int StateCreated = 0, StateRunning = 1, StateTerminating = 2, StateTerminated = 3;

    private volatile int _state;
    private volatile bool _suspended;
    private volatile bool _held;
    private Envelope _current;
    private Receive? _behavior;
    private List<Receive>? _behaviorStack;
    private Stash? _stash;
    private TimerScheduler? _timers;
    private ReceiveTimeoutState? _receiveTimeout;
    private ActorLogger? _logger;

    public ActorCell(ActorSystem system, Props props, ActorCell? parent, string name)
    {
        System = system;
        Props = props;
        ParentCell = parent;
        var path = new ActorPath(system.Name, parent?.Self.Path, name, system.NextUid());
        Self = new LocalActorRef(this, path);
        Mailbox = new Mailbox(this);
    }

    public ActorSystem System { get; }
    public Props Props { get; }
    public ActorCell? ParentCell { get; }
    public LocalActorRef Self { get; }
    public Mailbox Mailbox { get; }
    public ActorBase? Actor { get; private set; }

    IActorRef IActorContext.Self => Self;

    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    public IActorRef Parent => ParentCell?.Self ?? (IActorRef)System.DeadLetters;

    public bool IsTerminated => _state == StateTerminated;

    /// <summary>User messages run only while started, not failed, not held back and not stopping.</summary>
    public bool CanProcessUserMessages => _state == StateRunning && !_suspended && !_held;

    /// <summary>Queues the Create system message: the actor is constructed on its own first turn.</summary>
    public void Start() => Mailbox.EnqueueSystem(CreateActor.Instance);

    public void SendSystem(SystemMessage message)
    {
        if (!Mailbox.EnqueueSystem(message)) HandleSystemMessageAfterDeath(message);
    }

    public void Invoke(in Envelope envelope)
    {
        _current = envelope;
        var message = envelope.Message;
        if (System.DeterministicDispatcher is { } deterministic) deterministic.Record(this, message);
        try
        {
            if (_failNext is not null) ApplyInjectedFaults();
            if (message is AutoReceivedMessage auto) HandleAutoReceived(auto);
            else if (message is PoisonPill) Stop(Self);
            else if (message is Kill) throw new ActorKilledException("Kill");
            else if (message is Terminated) { } // told, not from death-watch: ignored, never a death pact (kernel-semantics 1.3)
            else Deliver(message);
            if (_receiveTimeout is not null && message is not INotInfluenceReceiveTimeout) _receiveTimeout.Touch();
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(cause);
        }
        finally
        {
            _current = default;
            if (_slowdown > TimeSpan.Zero) AfterMessageFaults();
        }
    }

    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case CreateActor: Create(); break;
                case Terminate: BeginTerminate(); break;
                case Watch watch: AddWatcher(watch.Watcher); break;
                case Unwatch unwatch: RemoveWatcher(unwatch.Watcher); break;
                case DeathWatchNotification notification: HandleDeathNotification(notification); break;
                case Failed failed: HandleChildFailure(failed); break;
                case ResumeAfterFailure: Resume(); break;
                case Recreate recreate: BeginRecreate(recreate.Cause); break;
                case Release: _held = false; Mailbox.ScheduleIfWork(); break;
            }
        }
        catch (Exception cause)
        {
            System.Log.Error(cause, "Kernel failure while handling {SystemMessage} in {ActorPath}", message.GetType().Name, Self.Path.ToString());
        }
    }

    private void Deliver(object message)
    {
        var actor = Actor!;
        var handled = _behavior is not null ? _behavior(message) : actor.InvokeReceive(message);
        if (!handled) actor.InvokeUnhandled(message);
    }

    private void HandleAutoReceived(AutoReceivedMessage message)
    {
        switch (message)
        {
            case DeathWatchDelivery delivery:
                if (_terminatedQueued.Remove(delivery.Subject)) Deliver(delivery.Message);
                break;
            case TimerFired fired:
                if (_timers is not null && _timers.Accept(fired)) Deliver(fired.Message);
                break;
            case ReceiveTimeoutCheck check:
                if (_receiveTimeout is not null && _receiveTimeout.IsDue(check)) Deliver(Kernel.ReceiveTimeout.Instance);
                break;
        }
    }

    private void Create()
    {
        if (_state != StateCreated) return;
        try
        {
            Actor = ActorBase.Construct(this, Props);
            _state = StateRunning;
            Actor.InvokePreStart();
        }
        catch (Exception cause)
        {
            _state = StateRunning;
            HandleInvokeFailure(new ActorInitializationException(Self, $"Exception while creating actor {Self.Path}: {cause.Message}", cause));
            return;
        }
        Mailbox.ScheduleIfWork();
    }

    // ---- behaviour ----------------------------------------------------------------------

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behavior = receive;
        _behaviorStack?.Clear();
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        if (_behavior is not null) (_behaviorStack ??= new List<Receive>()).Add(_behavior);
        _behavior = receive;
    }

    public void UnbecomeStacked()
    {
        if (_behaviorStack is { Count: > 0 } stack)
        {
            _behavior = stack[^1];
            stack.RemoveAt(stack.Count - 1);
        }
        else _behavior = null;
    }

    // ---- stash, timers, receive timeout, logging ------------------------------------------

    public IStash Stash => _stash ??= new Stash(this, Props.StashCapacity);

    internal Envelope CurrentEnvelope => _current;

    public ITimerScheduler Timers => _timers ??= new TimerScheduler(this);

    public TimeSpan? ReceiveTimeout => _receiveTimeout?.Timeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is null || timeout <= TimeSpan.Zero)
        {
            _receiveTimeout?.Cancel();
            _receiveTimeout = null;
            return;
        }
        (_receiveTimeout ??= new ReceiveTimeoutState(this)).Start(timeout.Value);
    }

    public IActorLogger GetLogger() => _logger ??= new ActorLogger(System.Log, Self.Path.ToString());

    // ---- fault injection (KernelFaults) -----------------------------------------------------

    private Exception? _failNext;
    private TimeSpan _slowdown;

    /// <summary>Hold user messages back until released (system messages still run, so nothing is reordered).</summary>
    internal void Hold() => _held = true;

    internal void ReleaseHold() => SendSystem(Release.Instance);

    /// <summary>The next user message throws <paramref name="failure"/> instead of reaching the actor.</summary>
    internal void FailNextMessage(Exception failure) => Volatile.Write(ref _failNext, failure);

    /// <summary>After each user message the mailbox is held for <paramref name="perMessage"/> (on the system's clock); zero ends it.</summary>
    internal void SlowDown(TimeSpan perMessage) => _slowdown = perMessage;

    private void ApplyInjectedFaults()
    {
        if (Interlocked.Exchange(ref _failNext, null) is { } failure) throw failure;
    }

    private void AfterMessageFaults()
    {
        if (_slowdown > TimeSpan.Zero) HoldFor(_slowdown);
    }

    /// <summary>Holds user messages for <paramref name="duration"/> on the system's clock, then releases them.</summary>
    internal void HoldFor(TimeSpan duration)
    {
        _held = true;
        System.Scheduler.ScheduleTell(duration, null, new ReleaseRef(this), Release.Instance);
    }

    /// <summary>Delivers a scheduled Release to the cell's system queue (timers only Tell).</summary>
    private sealed class ReleaseRef(ActorCell cell) : IActorRef
    {
        public ActorPath Path => cell.Self.Path;
        public void Tell(object message, IActorRef? sender = null) => cell.SendSystem(Release.Instance);
        public bool Equals(IActorRef? other) => ReferenceEquals(this, other);
    }
}
