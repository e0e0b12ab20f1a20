namespace Ptm.Actors.Kernel;

/// <summary>Request-response over Tell. The default timeout is finite (ActorSystemOptions.DefaultAskTimeout), unlike Akka's infinite default.</summary>
public static class AskExtensions
{
    public static async Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var reply = await target.Ask(message, timeout, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            T typed => typed,
            Status.Success { Value: T value } => value,
            _ => throw new InvalidCastException($"Ask to {target.Path} expected {typeof(T).Name} but got {reply.GetType().Name}."),
        };
    }

    public static Task<object> Ask(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var system = target switch
        {
            LocalActorRef local => local.Cell.System,
            _ => throw new ArgumentException($"Cannot ask {target}: it is not an actor of a running system.", nameof(target)),
        };
        system.ThrowIfTerminated();
        var future = new FutureActorRef(system);
        future.Arm(timeout ?? system.Options.DefaultAskTimeout, target, cancellationToken);
        target.Tell(message, future);
        return future.Task;
    }
}
