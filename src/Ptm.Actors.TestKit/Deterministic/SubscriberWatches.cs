using Akka.Actor;
using Akka.Dispatch.SysMsg;

namespace Ptm.Actors.TestKit.Deterministic;

/// <summary>
/// Akka.NET's event stream keeps an unsubscriber actor, on Akka's own threads, that watches every
/// subscriber. An actor of a seeded dispatcher that subscribed would be sent that Watch from
/// outside the seed's order (the Clone once did: now a forwarder subscribes in its place). The
/// unsubscriber handles subscriptions in order, so once a probe subscribed now has been watched,
/// every earlier subscriber's Watch has been sent: a test can then check that none of them
/// reached the seeded queue.
/// </summary>
internal static class SubscriberWatches
{
    /// <summary>Blocks until the unsubscriber has watched every actor that subscribed before this call.</summary>
    public static void AwaitSent(ActorSystem system, TimeSpan timeout)
    {
        var probe = new WatchProbe((ExtendedActorSystem)system);
        system.EventStream.Subscribe(probe, typeof(WatchProbe.NothingIsPublished));
        try
        {
            if (!probe.Watched.Wait(timeout))
                throw new TimeoutException($"Akka.NET's event-stream unsubscriber of '{system.Name}' watched no new subscriber within {timeout.TotalSeconds:0} s");
        }
        finally
        {
            system.EventStream.Unsubscribe(probe);
        }
    }

    /// <summary>A subscriber that is no actor: it only notices being watched.</summary>
    private sealed class WatchProbe(ExtendedActorSystem system) : MinimalActorRef
    {
        public sealed record NothingIsPublished;

        public ManualResetEventSlim Watched { get; } = new();

        public override ActorPath Path { get; } = system.Provider.TempPath();

        public override IActorRefProvider Provider => system.Provider;

        public override void SendSystemMessage(ISystemMessage message)
        {
            if (message is Watch) Watched.Set();
        }
    }
}
