using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Ptm.Actors.TestKit.Faults;

/// <summary>
/// The TestKit's mailbox type (HOCON: <c>mailbox-type = "Ptm.Actors.TestKit.Faults.FaultableMailbox, Ptm.Actors.TestKit"</c>),
/// for seeded and fault-injected systems alike: the product's compact queue, plus the hooks
/// <see cref="FaultInjector"/> needs (hold, slow down, fail the next message) and the seeded
/// trace's "actor:MessageType" note. Akka.NET has no per-actor hold or pause, and a mailbox
/// type is its extension point for one.
/// </summary>
internal sealed class FaultableMailbox(Settings settings, Config config)
    : MailboxType(settings, config), IProducesMessageQueue<FaultableMessageQueue>
{
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new FaultableMessageQueue(owner, system);
}
