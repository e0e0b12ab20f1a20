namespace Ptm.Actors.Kernel;

/// <summary>Messages that are not logged as dead letters (Terminated and friends).</summary>
public interface IDeadLetterSuppression;

/// <summary>Messages that do not reset an actor's receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>A watched actor has stopped. ExistenceConfirmed is false when the watch reached an actor that was already gone.</summary>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated = false)
    : IDeadLetterSuppression;

/// <summary>Stops the receiving actor after the messages queued ahead of it.</summary>
public sealed record PoisonPill : IDeadLetterSuppression
{
    public static readonly PoisonPill Instance = new();
}

/// <summary>Makes the receiving actor fail with <see cref="ActorKilledException"/> (default decision: Stop).</summary>
public sealed record Kill
{
    public static readonly Kill Instance = new();
}

/// <summary>Sent to an actor that received nothing for its receive-timeout period.</summary>
public sealed record ReceiveTimeout : INotInfluenceReceiveTimeout
{
    public static readonly ReceiveTimeout Instance = new();
}

/// <summary>Replies that complete an Ask: Success with a value, Failure faulting the Task.</summary>
public static class Status
{
    public sealed record Success(object? Value);

    public sealed record Failure(Exception Cause);
}

/// <summary>A message that could not be delivered.</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
