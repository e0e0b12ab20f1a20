using Akka.Actor;
using Ptm.Actors.TestKit.Faults;

namespace Ptm.Actors.TestKit.Tests;

/// <summary>Replies to every message with the message itself; FailNextMessage can make it throw.</summary>
internal sealed class Echo : FaultableReceiveActor
{
    public Echo() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>An echo that is not faultable: Akka.NET gives a mailbox no way to make it throw.</summary>
internal sealed class PlainEcho : ReceiveActor
{
    public PlainEcho() => ReceiveAny(message => Sender.Tell(message, Self));
}
