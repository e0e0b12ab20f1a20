using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;

namespace Ptm.Actors.Tests.Diagnostics;

/// <summary>
/// What a disposed PtySystem leaves behind in the process and in a host's actor system, which
/// lives on: nothing. Its ptys.open is no longer measured, and the Clone's dead-letter
/// subscription (PD13, R7) is gone from the host's event stream.
/// </summary>
public class CloneStopTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task A_disposed_system_is_no_longer_measured()
    {
        var ptys = PtySystem.Create();
        await RunCloneAsync(ptys);
        using (var live = new MeterRecorder(ptys.Name))
        {
            live.Observe();
            Assert.Contains("ptm.ptys.open{}", live.Snapshot().Keys); // measured while the Clone lives
        }
        await ptys.DisposeAsync();

        using var meter = new MeterRecorder(ptys.Name);
        meter.Observe();
        Assert.Empty(meter.Snapshot());
    }

    [Fact]
    public async Task An_attached_system_unsubscribes_its_dead_letter_forwarder_from_the_host_when_disposed()
    {
        using var host = ActorSystem.Create("clone-stop-host", ConfigurationFactory.ParseString("akka.actor.debug.event-stream = on"));
        var log = new Recorder(host);
        host.EventStream.Subscribe(log, typeof(Debug));
        var ptys = PtySystem.Attach(host);
        var forwarder = ptys.CloneActor.Path / "dead-letters";
        await RunCloneAsync(ptys);
        Assert.Contains(log.Letters.OfType<Debug>(), debug => $"{debug.Message}".StartsWith($"subscribing [{forwarder}]", StringComparison.Ordinal));

        await ptys.DisposeAsync().AsTask().WaitAsync(Safety);

        Assert.Contains(log.Letters.OfType<Debug>(), debug => $"{debug.Message}" == $"unsubscribing [{forwarder}] from all channels");
    }

    /// <summary>A pty opened and closed: the Clone has run, its PreStart first (Create and Attach return once it is started, maybe before that).</summary>
    private static async Task RunCloneAsync(PtySystem ptys) => await (await ptys.OpenManagerAsync().WaitAsync(Safety)).DisposeAsync();

    /// <summary>An event-stream subscriber that keeps what it is told, on the publishing thread: no wait needed to see it.</summary>
    private sealed class Recorder(ActorSystem system) : MinimalActorRef
    {
        public ConcurrentQueue<object> Letters { get; } = new();

        public override ActorPath Path { get; } = new RootActorPath(((ExtendedActorSystem)system).Provider.DefaultAddress) / "recorder";

        public override IActorRefProvider Provider => ((ExtendedActorSystem)system).Provider;

        protected override void TellInternal(object message, IActorRef sender) => Letters.Enqueue(message);
    }
}
