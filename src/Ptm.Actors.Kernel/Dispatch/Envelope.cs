namespace Ptm.Actors.Kernel.Dispatch;

/// <summary>A user message and who sent it, as it sits in a mailbox. A struct so queuing allocates nothing.</summary>
public readonly struct Envelope
{
    public Envelope(object message, IActorRef? sender)
    {
        Message = message;
        Sender = sender;
    }

    public object Message { get; }

    /// <summary>Null when sent from outside any actor (Akka's NoSender).</summary>
    public IActorRef? Sender { get; }
}
