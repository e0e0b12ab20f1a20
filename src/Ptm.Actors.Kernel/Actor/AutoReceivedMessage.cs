using Ptm.Actors.Kernel.Dispatch;

namespace Ptm.Actors.Kernel;

/// <summary>Kernel messages that travel in the user queue (so they keep FIFO order with user messages) but are handled by the cell.</summary>
internal abstract class AutoReceivedMessage : INotInfluenceReceiveTimeout;

/// <summary>A Terminated (or WatchWith message) queued behind the dead actor's last messages; dropped if unwatched meanwhile.</summary>
internal sealed class DeathWatchDelivery(IActorRef subject, object message) : AutoReceivedMessage, IDeadLetterSuppression
{
    public IActorRef Subject { get; } = subject;
    public object Message { get; } = message;
}

/// <summary>Creates the actor instance on its first turn, so creation is ordered before the parent's first Tell.</summary>
internal sealed class CreateActor : SystemMessage
{
    public static readonly CreateActor Instance = new();
}
