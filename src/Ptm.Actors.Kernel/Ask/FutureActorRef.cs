namespace Ptm.Actors.Kernel;

/// <summary>
/// The temporary ref behind one Ask: its first Tell completes the Task (Status.Failure faults it),
/// later Tells go to dead letters. It is not an actor, so it costs no mailbox or path registration,
/// and its timeout is an entry in the system's shared <see cref="AskTimeouts"/> list, not a timer.
/// </summary>
internal sealed class FutureActorRef : TaskCompletionSource<object>, IActorRef
{
    private static long s_next;
    private readonly ActorSystem _system;
    private ActorPath? _path;
    private IActorRef? _target;
    private TimeSpan _timeout;
    private CancellationTokenRegistration _cancellation;

    public FutureActorRef(ActorSystem system) : base(TaskCreationOptions.RunContinuationsAsynchronously) => _system = system;

    // Links and due time in AskTimeouts' list; touched only under its lock.
    internal FutureActorRef? TimeoutPrevious;
    internal FutureActorRef? TimeoutNext;
    internal long TimeoutDue;
    internal bool InTimeoutList;

    public ActorPath Path => _path ??= new ActorPath(_system.Name, null, "temp/$" + Interlocked.Increment(ref s_next).ToString("x"), 0);

    public void Arm(TimeSpan timeout, IActorRef target, CancellationToken cancellationToken)
    {
        _target = target;
        _timeout = timeout;
        if (timeout != Timeout.InfiniteTimeSpan) _system.Scheduler.AskTimeouts.Add(this, timeout);
        if (cancellationToken.CanBeCanceled)
            _cancellation = cancellationToken.Register(static s => ((FutureActorRef)s!).Complete(null, cancelled: true), this);
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is null) throw new ArgumentNullException(nameof(message), "A message must not be null.");
        if (!Complete(message, cancelled: false)) _system.PublishDeadLetter(message, sender, this);
    }

    /// <summary>Called by AskTimeouts when the timeout passes before any reply.</summary>
    internal void TimeOut()
    {
        if (TrySetException(new AskTimeoutException($"Ask to {_target!.Path} timed out after {_timeout.TotalMilliseconds:0} ms")))
            _cancellation.Dispose();
    }

    private bool Complete(object? message, bool cancelled)
    {
        bool completed = message switch
        {
            _ when cancelled => TrySetCanceled(),
            Status.Failure failure => TrySetException(failure.Cause),
            _ => TrySetResult(message!),
        };
        if (completed)
        {
            if (_timeout != Timeout.InfiniteTimeSpan) _system.Scheduler.AskTimeouts.Remove(this);
            _cancellation.Dispose();
        }
        return completed;
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);
}
