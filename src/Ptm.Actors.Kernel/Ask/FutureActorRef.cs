namespace Ptm.Actors.Kernel;

/// <summary>
/// The temporary ref behind one Ask: its first Tell completes the Task (Status.Failure faults it),
/// later Tells go to dead letters. It is not an actor, so it costs no mailbox or path registration,
/// and its timeout is an entry in the system's shared <see cref="AskTimeouts"/> list, not a timer.
/// The outcome is claimed at once and the Task completed after the replying actor's turn
/// (ActorSystem.RunAfterTurn): the asker resumes on that thread, never inside the turn. On a
/// deterministic system the Task completes at once and its continuations are queued.
/// </summary>
internal sealed class FutureActorRef : TaskCompletionSource<object>, IActorRef, IThreadPoolWorkItem
{
    private static long s_next;
    private readonly ActorSystem _system;
    private ActorPath? _path;
    private IActorRef? _target;
    private TimeSpan _timeout;
    private CancellationTokenRegistration _cancellation;
    private int _claimed;
    private object? _outcome; // the reply, or the cause that faults the Task
    private OutcomeKind _kind;

    public FutureActorRef(ActorSystem system) : base(system.AfterTurnTaskOptions) => _system = system;

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
        if (!Claim()) return;
        _cancellation.Dispose();
        Finish(OutcomeKind.Fault, new AskTimeoutException($"Ask to {_target!.Path} timed out after {_timeout.TotalMilliseconds:0} ms"));
    }

    private bool Complete(object? message, bool cancelled)
    {
        if (!Claim()) return false;
        if (_timeout != Timeout.InfiniteTimeSpan) _system.Scheduler.AskTimeouts.Remove(this);
        _cancellation.Dispose();
        if (cancelled) Finish(OutcomeKind.Cancel, null);
        else if (message is Status.Failure failure) Finish(OutcomeKind.Fault, failure.Cause);
        else Finish(OutcomeKind.Reply, message);
        return true;
    }

    /// <summary>The first outcome wins: a reply, a timeout or a cancellation.</summary>
    private bool Claim() => Interlocked.Exchange(ref _claimed, 1) == 0;

    private void Finish(OutcomeKind kind, object? outcome)
    {
        (_kind, _outcome) = (kind, outcome);
        _system.CompleteAfterTurn(this);
    }

    void IThreadPoolWorkItem.Execute()
    {
        switch (_kind)
        {
            case OutcomeKind.Cancel: TrySetCanceled(); break;
            case OutcomeKind.Fault: TrySetException((Exception)_outcome!); break;
            default: TrySetResult(_outcome!); break;
        }
    }

    private enum OutcomeKind : byte { Reply, Fault, Cancel }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);
}
