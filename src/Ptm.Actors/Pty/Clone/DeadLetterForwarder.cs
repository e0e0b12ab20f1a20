using Akka.Actor;

namespace Ptm.Actors.Pty;

/// <summary>
/// What the Clone subscribes to the event stream in its place, for dead letters. Akka.NET
/// watches every event-stream subscriber from one of its own threads, at a time of its
/// choosing; a Watch sent to the Clone itself would reach a seeded dispatcher from outside the
/// seed's order (a run the seed did not pick). This ref is watched instead, ignores system
/// messages, and passes each letter on to the Clone from the thread that published it, which
/// is the thread of the actor that sent the undeliverable message. Once the Clone has stopped
/// it passes nothing on, so a letter cannot bounce between the two.
/// </summary>
internal sealed class DeadLetterForwarder(IActorRef clone, IActorRefProvider provider) : MinimalActorRef
{
    private volatile bool _closed;

    public override ActorPath Path { get; } = clone.Path / "dead-letters";

    public override IActorRefProvider Provider { get; } = provider;

    /// <summary>The Clone has stopped: letters published from now on are not its business.</summary>
    public void Close() => _closed = true;

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (!_closed) clone.Tell(message, sender);
    }
}
