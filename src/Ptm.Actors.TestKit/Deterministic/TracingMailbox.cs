using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;
using Ptm.Actors.Runtime;

namespace Ptm.Actors.TestKit.Deterministic;

/// <summary>
/// The seeded dispatcher's mailbox: the product's compact queue, telling the seeded driver
/// which message each run takes, so a trace entry reads "actor:MessageType".
/// </summary>
internal sealed class TracingMailbox(Settings settings, Config config) : MailboxType(settings, config), IProducesMessageQueue<TracingMailbox.Queue>
{
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) =>
        new Queue(DispatcherDrivers.For(system, DeterministicPtys.DispatcherId) as SeededDriver);

    internal sealed class Queue(SeededDriver? driver) : IMessageQueue, IUnboundedMessageQueueSemantics
    {
        private readonly CompactMessageQueue _inner = new();

        public bool HasMessages => _inner.HasMessages;
        public int Count => _inner.Count;
        public void Enqueue(IActorRef receiver, Envelope envelope) => _inner.Enqueue(receiver, envelope);

        public bool TryDequeue(out Envelope envelope)
        {
            if (!_inner.TryDequeue(out envelope)) return false;
            driver?.NoteMessage(envelope.Message);
            return true;
        }

        public void CleanUp(IActorRef owner, IMessageQueue deadletters) => _inner.CleanUp(owner, deadletters);
    }
}
