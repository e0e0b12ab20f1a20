using Akka.Actor;
using Akka.Event;
using Akka.Remote;
using Akka.Remote.Transport;

namespace Ptm.Actors.Cluster.Tests.Support;

/// <summary>
/// Two nodes whose link runs through Akka.Remote's throttler, on both ends. Each node logs a
/// remote message as its endpoint writer hands it to the transport (log-sent-messages), so a
/// test knows when a message has gone into the black hole instead of guessing with a delay.
/// </summary>
internal sealed class ThrottledLink : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private const string MarkerActor = "lost-in-transit-markers";
    private readonly PtyNode _a;
    private readonly PtyNode _b;
    private int _markers;

    /// <summary>The first node: the oldest, so it runs the directory (CL1).</summary>
    public PtyNode A => _a;

    public PtyNode B => _b;

    private ThrottledLink(PtyNode a, PtyNode b)
    {
        (_a, _b) = (a, b);
        foreach (var node in new[] { a, b })
            node.ActorSystem.EventStream.Subscribe(node.ActorSystem.ActorOf(Props.Create<MarkerWatcher>(), MarkerActor), typeof(Debug));
    }

    /// <param name="failureDetection">How soon a node behind the black hole is unreachable; 60 s by default, so nobody is. Nobody is downed by the resolver before 120 s (CL7).</param>
    public static async Task<ThrottledLink> StartAsync(TimeSpan? failureDetection = null)
    {
        var options = new PtyNodeOptions
        {
            ActorLogLevel = "OFF",
            FailureDetection = failureDetection ?? TimeSpan.FromSeconds(60),
            DowningDelay = TimeSpan.FromSeconds(120),
            PairProbeInterval = TimeSpan.FromMilliseconds(200),
            TestHocon = """
                akka.loglevel = DEBUG
                akka.loggers = []
                akka.remote.log-sent-messages = on
                akka.remote.dot-netty.tcp.applied-adapters = [trttl]
                """,
        };
        var a = await PtyNode.StartAsync(options);
        try
        {
            return new ThrottledLink(a, await PtyNode.StartAsync(options with { Seeds = [a.Address] }));
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>A manager on A, unlocked, and its subsidiary opened by name on B (CL3).</summary>
    public async Task<(ClusterManager Manager, SubsidiaryHandle Subsidiary)> OpenPairAsync()
    {
        var manager = await _a.OpenUnlockedManagerAsync();
        return (manager, await _b.OpenSubsidiaryAsync(manager.Name).WaitAsync(Bound));
    }

    public Task BlackHoleAsync() => Task.WhenAll(ThrottleAsync(_a, _b, Blackhole.Instance), ThrottleAsync(_b, _a, Blackhole.Instance));

    public Task HealAsync() => Task.WhenAll(ThrottleAsync(_a, _b, Unthrottled.Instance), ThrottleAsync(_b, _a, Unthrottled.Instance));

    /// <summary>
    /// Waits until a marker sent from A after everything A has sent to B so far has arrived at B:
    /// one association keeps the order of what crosses it.
    /// </summary>
    public Task ArrivedAtBAsync() => SendMarkerAsync(_a, _b, arrival: true);

    /// <summary>
    /// Waits until <paramref name="from"/>'s endpoint writer has handed a marker to the
    /// transport: everything it was sending the other node before has been handed over too.
    /// </summary>
    public Task SentThroughTheHoleAsync(bool fromA) => fromA ? SendMarkerAsync(_a, _b, arrival: false) : SendMarkerAsync(_b, _a, arrival: false);

    private async Task SendMarkerAsync(PtyNode from, PtyNode to, bool arrival)
    {
        var marker = "lost-in-transit-marker-" + Interlocked.Increment(ref _markers);
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = (arrival ? to : from).ActorSystem.ActorSelection("/user/" + MarkerActor);
        await watcher.Ask<ExpectingMarker>(new ExpectMarker(marker, arrival, seen), Bound);
        var target = ((ExtendedActorSystem)from.ActorSystem).Provider.ResolveActorRef(to.Address + "/user/" + (arrival ? MarkerActor : "nobody"));
        target.Tell(marker);
        await seen.Task.WaitAsync(Bound);
    }

    private static async Task ThrottleAsync(PtyNode from, PtyNode to, ThrottleMode mode)
    {
        var transport = ((RemoteActorRefProvider)((ExtendedActorSystem)from.ActorSystem).Provider).Transport;
        var address = Address.Parse(to.Address);
        var target = new Address("akka", address.System, address.Host, address.Port); // the throttler names links without its own scheme
        Assert.True(await transport.ManagementCommand(new SetThrottle(target, ThrottleTransportAdapter.Direction.Both, mode)).WaitAsync(Bound));
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }
}

internal sealed record ExpectMarker(string Marker, bool Arrival, TaskCompletionSource Seen);

internal sealed record ExpectingMarker;

/// <summary>Completes an expected marker's Task when it arrives here, or when this node's endpoint writer logs sending it.</summary>
internal sealed class MarkerWatcher : ReceiveActor
{
    private ExpectMarker? _expected;

    public MarkerWatcher()
    {
        Receive<ExpectMarker>(expect =>
        {
            _expected = expect;
            Sender.Tell(new ExpectingMarker());
        });
        Receive<Debug>(debug => { if (_expected is { Arrival: false } e && debug.ToString().Contains("RemoteMessage: " + e.Marker)) e.Seen.TrySetResult(); });
        Receive<string>(marker => { if (_expected is { Arrival: true } e && marker == e.Marker) e.Seen.TrySetResult(); });
    }
}
