using System.Text;
using Akka.Actor;
using Akka.Event;
using Akka.Remote;
using Akka.Remote.Transport;

namespace Ptm.Actors.Cluster.Tests;

/// <summary>
/// CL9.1 and CL11 where a partition swallows messages and heals before anyone is downed: two
/// nodes in this process, Akka.Remote's throttler in front of their TCP link. A black hole
/// drops what crosses it and keeps the association, so no Terminated comes; what is sent after
/// it heals arrives. The pair must end as a node loss would, never read past a hole nor stall.
/// </summary>
[Collection(TrafficCollection.Name)]
public sealed class LostInTransitTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_write_swallowed_by_a_healed_partition_ends_the_pair_instead_of_leaving_a_hole()
    {
        await using var link = await ThrottledLink.StartAsync();
        var (manager, subsidiary) = await link.OpenPairAsync();
        Assert.Equal(3, await manager.Handle.WriteAsync("one"u8.ToArray()));
        Assert.Equal("one", await ReadTextAsync(subsidiary));

        await link.BlackHoleAsync();
        Assert.Equal(3, await manager.Handle.WriteAsync("two"u8.ToArray())); // accepted (H8), then swallowed
        await link.SentThroughTheHoleAsync(fromA: true); // the manager's node has written "two" into the black hole
        await link.HealAsync();
        Assert.Equal(5, await manager.Handle.WriteAsync("three"u8.ToArray())); // crosses: the link works again

        Assert.Equal("", await ReadTextAsync(subsidiary)); // CL9.1: never "three" without "two"; CL6, L15: hung up instead
        var buffer = new byte[16];
        Assert.Equal(0, await manager.Handle.ReadAsync(buffer).WaitAsync(Bound)); // L13: end of file, once
        Assert.Equal(Errno.EIO, (await Assert.ThrowsAsync<PtyException>(() => subsidiary.WriteAsync("x"u8.ToArray()))).Errno); // L15
    }

    [Fact]
    public async Task A_credit_swallowed_by_a_healed_partition_ends_the_pair_instead_of_stalling_its_writer()
    {
        await using var link = await ThrottledLink.StartAsync();
        var (manager, subsidiary) = await link.OpenPairAsync();
        var written = manager.Handle.WriteAsync(new byte[256 * 1024]); // more than both queues hold (D13): it waits for credit
        await WaitUntilAsync(async () => ((await manager.Handle.PollAsync()) & PollEvents.POLLOUT) == 0); // flow-controlled (D15)
        await link.ArrivedAtBAsync(); // what the manager sent before blocking is all at the subsidiary

        await link.BlackHoleAsync();
        var drained = await DrainAsync(subsidiary);
        Assert.True(drained >= 2048 - 256); // at least its stream head's high less low water (D15): this read sends a credit...
        await link.SentThroughTheHoleAsync(fromA: false); // ...which the subsidiary's node has written into the black hole
        await link.HealAsync();

        // Nothing crosses by itself now: the writer waits for a credit that will never come, the
        // reader for bytes the writer will never send. The subsidiary's probe shows the hole.
        await subsidiary.HungUp.WaitAsync(Bound); // CL6, L15
        var buffer = new byte[16];
        Assert.Equal(0, await manager.Handle.ReadAsync(buffer).WaitAsync(Bound)); // L13
        Assert.False(written.IsCompleted); // PD5: ptm's held output stays held, as when a subsidiary's node is lost
        await manager.Handle.CloseAsync().WaitAsync(Bound); // H3: the close's drain ends within its bound
        await written.ContinueWith(_ => { }).WaitAsync(Bound); // and the held write with it: nothing hangs
    }

    private static async Task<string> ReadTextAsync(PtyHandle handle)
    {
        var buffer = new byte[64];
        var count = await handle.ReadAsync(buffer).WaitAsync(Bound);
        return Encoding.ASCII.GetString(buffer, 0, count);
    }

    /// <summary>Reads what the subsidiary holds until it holds nothing (its poll says no POLLIN).</summary>
    private static async Task<long> DrainAsync(PtyHandle handle)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        while (((await handle.PollAsync()) & PollEvents.POLLIN) != 0) total += await handle.ReadAsync(buffer).WaitAsync(Bound);
        return total;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var bounded = new CancellationTokenSource(Bound);
        while (!await condition())
        {
            bounded.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }

    /// <summary>
    /// Two nodes whose link runs through Akka.Remote's throttler, on both ends. Each node logs a
    /// remote message as its endpoint writer hands it to the transport (log-sent-messages), so a
    /// test knows when a message has gone into the black hole instead of guessing with a delay.
    /// </summary>
    private sealed class ThrottledLink : IAsyncDisposable
    {
        private const string MarkerActor = "lost-in-transit-markers";
        private readonly PtyNode _a;
        private readonly PtyNode _b;
        private int _markers;

        private ThrottledLink(PtyNode a, PtyNode b)
        {
            (_a, _b) = (a, b);
            foreach (var node in new[] { a, b })
                node.ActorSystem.EventStream.Subscribe(node.ActorSystem.ActorOf(Props.Create<MarkerWatcher>(), MarkerActor), typeof(Debug));
        }

        public static async Task<ThrottledLink> StartAsync()
        {
            var options = new PtyNodeOptions
            {
                ActorLogLevel = "OFF",
                FailureDetection = TimeSpan.FromSeconds(60), // nobody is marked unreachable, nobody downed (CL7)
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
            var manager = await _a.OpenManagerAsync();
            await manager.Handle.GrantAsync();
            await manager.Handle.UnlockAsync();
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
            await watcher.Ask<Expecting>(new Expect(marker, arrival, seen), Bound);
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

    private sealed record Expect(string Marker, bool Arrival, TaskCompletionSource Seen);

    private sealed record Expecting;

    /// <summary>Completes an expected marker's Task when it arrives here, or when this node's endpoint writer logs sending it.</summary>
    private sealed class MarkerWatcher : ReceiveActor
    {
        private Expect? _expected;

        public MarkerWatcher()
        {
            Receive<Expect>(expect =>
            {
                _expected = expect;
                Sender.Tell(new Expecting());
            });
            Receive<Debug>(debug => { if (_expected is { Arrival: false } e && debug.ToString().Contains("RemoteMessage: " + e.Marker)) e.Seen.TrySetResult(); });
            Receive<string>(marker => { if (_expected is { Arrival: true } e && marker == e.Marker) e.Seen.TrySetResult(); });
        }
    }
}
