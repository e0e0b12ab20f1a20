using Akka.Actor;
using Akka.Dispatch.SysMsg;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// Akka.NET's event stream keeps an unsubscriber actor, on Akka's own threads, that watches every
/// subscriber. The Clone subscribes to dead letters as it starts, so some time later a Watch
/// system message reaches the Clone from that thread. On a seeded system it would land wherever
/// it happened to come: in the middle of a drive (a seeding violation), or between a call and
/// the drive that should complete it (the call looks blocked). The unsubscriber handles
/// subscriptions in order, so once a probe subscribed now has been watched, every earlier
/// subscriber's Watch has been sent, and the caller runs it at a point of its own choosing.
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
