namespace Ptm.Actors.Kernel;

/// <summary>The system's dead-letter ref: whatever is told to it is published as a DeadLetter.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system) : IActorRef
{
    public ActorPath Path { get; } = new(system.Name, null, "deadLetters", 0);

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is null) throw new ArgumentNullException(nameof(message), "A message must not be null.");
        system.PublishDeadLetter(message is DeadLetter letter ? letter.Message : message, sender, this);
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => Path.GetHashCode();

    public override string ToString() => "Actor[deadLetters]";
}
