using Ptm.Actors.Kernel.Dispatch;

namespace Ptm.Actors.Kernel;

/// <summary>A ref to an actor in this system. One per incarnation, so reference equality is identity.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : IActorRef
{
    public ActorCell Cell { get; } = cell;
    public ActorPath Path { get; } = path;

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is null) throw new ArgumentNullException(nameof(message), "A message must not be null.");
        if (!Cell.Mailbox.EnqueueUser(new Envelope(message, sender)))
            Cell.System.PublishDeadLetter(message, sender, this);
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    // Equality is identity, so any stable hash will do: the incarnation's uid is one without hashing the name.
    public override int GetHashCode() => (int)Path.Uid ^ (int)(Path.Uid >> 32);

    public override string ToString() => $"Actor[{Path}]";
}
