namespace Ptm.Actors.Kernel;

/// <summary>
/// The temporary ref behind one Ask: its first Tell completes the Task (Status.Failure faults it),
/// later Tells go to dead letters. It is not an actor, so it costs no mailbox or path registration.
/// </summary>
internal sealed class FutureActorRef : TaskCompletionSource<object>, IActorRef
{
    private static long s_next;
    private readonly ActorSystem _system;
    private ActorPath? _path;
    private ScheduledTell? _timeout;
    private CancellationTokenRegistration _cancellation;

    public FutureActorRef(ActorSystem system) : base(TaskCreationOptions.RunContinuationsAsynchronously) => _system = system;

    public ActorPath Path => _path ??= new ActorPath(_system.Name, null, "temp/$" + Interlocked.Increment(ref s_next).ToString("x"), 0);

    public void Arm(TimeSpan timeout, IActorRef target, CancellationToken cancellationToken)
    {
        if (timeout != Timeout.InfiniteTimeSpan)
            _timeout = _system.Scheduler.ScheduleTell(timeout, null, this, new AskTimedOut(target, timeout));
        if (cancellationToken.CanBeCanceled)
            _cancellation = cancellationToken.Register(static s => ((FutureActorRef)s!).Complete(null, cancelled: true), this);
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is null) throw new ArgumentNullException(nameof(message), "A message must not be null.");
        if (!Complete(message, cancelled: false) && message is not AskTimedOut)
            _system.PublishDeadLetter(message, sender, this);
    }

    private bool Complete(object? message, bool cancelled)
    {
        bool completed = message switch
        {
            _ when cancelled => TrySetCanceled(),
            AskTimedOut timedOut => TrySetException(new AskTimeoutException(
                $"Ask to {timedOut.Target.Path} timed out after {timedOut.Timeout.TotalMilliseconds:0} ms")),
            Status.Failure failure => TrySetException(failure.Cause),
            _ => TrySetResult(message!),
        };
        if (completed)
        {
            _timeout?.Cancel();
            _cancellation.Dispose();
        }
        return completed;
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    private sealed record AskTimedOut(IActorRef Target, TimeSpan Timeout);
}
