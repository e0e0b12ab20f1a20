namespace Ptm.Actors.Kernel;

/// <summary>
/// The only way to talk to an actor. Tell never throws for a dead target: the message goes to
/// dead letters. Two refs are equal when they name the same incarnation (path and uid).
/// </summary>
public interface IActorRef : IEquatable<IActorRef>
{
    ActorPath Path { get; }

    /// <summary>Enqueues <paramref name="message"/> (never null) with <paramref name="sender"/> as its sender.</summary>
    void Tell(object message, IActorRef? sender = null);
}
