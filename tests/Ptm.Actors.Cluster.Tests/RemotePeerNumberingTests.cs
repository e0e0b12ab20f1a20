using System.Threading.Channels;
using Akka.Actor;
using Ptm.Actors.Cluster.Tests.Support;
using Ptm.Actors.Pty;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Cluster.Tests;

/// <summary>
/// CL11 message by message: one side real, the other a scripted actor on the other node, so a
/// test decides exactly which message is swallowed, and in what order the rest arrive. Two
/// nodes in this process; the link itself loses nothing here.
/// </summary>
[Collection(TrafficCollection.Name)]
public sealed class RemotePeerNumberingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private static readonly PtyNodeOptions Options = new() { ActorLogLevel = "OFF", PairProbeInterval = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task A_subsidiary_whose_introduction_was_swallowed_introduces_itself_again_and_its_open_completes()
    {
        await using var nodes = await ScriptedManager.StartAsync(swallowIntroductions: 1);
        await using var subsidiary = await nodes.OpenSubsidiaryAsync(); // waits for ever if the one introduction is all it sends
        Assert.Equal(2, nodes.Introductions);

        await nodes.SendAsync(new Sequenced(1, new DataMessage("ok"u8.ToArray())));
        Assert.Equal("ok", await subsidiary.ReadTextAsync(Bound)); // numbered from 1 from the (only) connection
    }

    [Fact]
    public async Task A_numbered_message_out_of_turn_hangs_the_subsidiary_up_and_tells_the_manager_the_pair_is_broken()
    {
        await using var nodes = await ScriptedManager.StartAsync(swallowIntroductions: 0);
        await using var subsidiary = await nodes.OpenSubsidiaryAsync();
        await nodes.SendAsync(new Sequenced(1, new DataMessage("one"u8.ToArray())));
        Assert.Equal("one", await subsidiary.ReadTextAsync(Bound));

        await nodes.SendAsync(new Sequenced(3, new DataMessage("three"u8.ToArray()))); // number 2 never came
        Assert.IsType<PairBroken>(await nodes.NextFromSubsidiaryAsync(m => m is PairBroken));
        await subsidiary.HungUp.WaitAsync(Bound); // CL6, L15: as if the manager's node were lost
        Assert.Equal("", await subsidiary.ReadTextAsync(Bound)); // CL9.1: "three" is never read
    }

    [Fact]
    public async Task An_idle_subsidiary_probes_its_remote_manager_with_the_next_number()
    {
        await using var nodes = await ScriptedManager.StartAsync(swallowIntroductions: 0);
        await using var subsidiary = await nodes.OpenSubsidiaryAsync();
        Assert.Equal(1, await subsidiary.WriteAsync("x"u8.ToArray())); // then nothing more to say

        var data = Assert.IsType<Sequenced>(await nodes.NextFromSubsidiaryAsync(m => m is Sequenced { Message: DataMessage }));
        var next = Assert.IsType<Sequenced>(await nodes.NextFromSubsidiaryAsync(m => m is Sequenced));
        Assert.IsType<PeerProbe>(next.Message);
        Assert.Equal(data.Number + 1, next.Number); // the next number: a swallowed "x" would show as a hole
    }

    /// <summary>
    /// The manager's half, the other way round: a real manager on node A, a scripted subsidiary
    /// on node B that introduces itself whenever the test says. Connected to a repeat comes after
    /// everything the manager sent before it, so it counts what was sent.
    /// </summary>
    [Fact]
    public async Task A_repeated_introduction_does_not_give_the_subsidiary_room_its_credit_never_gave()
    {
        await using var a = await PtyNode.StartAsync(Options);
        await using var b = await PtyNode.StartAsync(Options with { Seeds = [a.Address] });
        var manager = await a.OpenUnlockedManagerAsync();
        var side = manager.Handle.File.Side!;
        var managerFromB = (await b.ActorSystem.ActorSelection(a.Address + "/" + string.Join("/", side.Path.Elements))
            .Ask<ActorIdentity>(new Identify(null), Bound)).Subject!;
        var received = Channel.CreateUnbounded<object>();
        var subsidiary = b.ActorSystem.ActorOf(Props.Create(() => new ScriptedSubsidiary(managerFromB, received.Writer)));

        subsidiary.Tell(SubsidiaryOpened.Instance);
        Assert.Equal(0, await DataUntilConnectedAsync(received.Reader));
        Assert.Equal(2048, await manager.Handle.WriteAsync(new byte[2048])); // the subsidiary's head's high water: all sent (D13)
        Assert.Equal(100, await manager.Handle.WriteAsync(new byte[100])); // held in ptm's queue: no room until a Credit (D15)

        subsidiary.Tell(SubsidiaryOpened.Instance); // again: Connected comes after everything sent before it
        Assert.Equal(2048, await DataUntilConnectedAsync(received.Reader));
        Assert.Equal(1, await manager.Handle.WriteAsync(new byte[1])); // runs ptm's service procedure
        subsidiary.Tell(SubsidiaryOpened.Instance);
        Assert.Equal(0, await DataUntilConnectedAsync(received.Reader)); // still no room: the repeat reset nothing (CL11, D15)

        subsidiary.Tell(new Sequenced(1, new Credit(2048))); // the subsidiary read it all: now the rest comes
        subsidiary.Tell(SubsidiaryOpened.Instance);
        Assert.Equal(101, await DataUntilConnectedAsync(received.Reader));
    }

    /// <summary>Counts the data bytes the manager sent before its next Connected.</summary>
    private static async Task<int> DataUntilConnectedAsync(ChannelReader<object> received)
    {
        using var bounded = new CancellationTokenSource(Bound);
        var bytes = 0;
        while (await received.ReadAsync(bounded.Token) is not Connected and var message)
        {
            bytes += (message as Sequenced)?.Message switch
            {
                DataMessage data => data.Bytes.Length,
                DataRun run => run.Packets.Sum(packet => packet.Bytes.Length),
                _ => 0,
            };
        }
        return bytes;
    }

    /// <summary>Sends what the test tells it to the manager, as the subsidiary; passes on all the manager sends.</summary>
    private sealed class ScriptedSubsidiary : ReceiveActor
    {
        public ScriptedSubsidiary(IActorRef manager, ChannelWriter<object> received)
        {
            Context.Watch(manager);
            ReceiveAny(message =>
            {
                if (RefIdentity.Same(Sender, manager)) received.TryWrite(message);
                else manager.Tell(message);
            });
        }
    }

    /// <summary>Node A runs a scripted manager; node B's Clone adopts it as a remote pty's manager, as a directory open does (CL3).</summary>
    private sealed class ScriptedManager : IAsyncDisposable
    {
        private readonly PtyNode _a;
        private readonly PtyNode _b;
        private readonly IActorRef _manager; // as node B sees it
        private readonly Script _script;

        private ScriptedManager(PtyNode a, PtyNode b, IActorRef manager, Script script) => (_a, _b, _manager, _script) = (a, b, manager, script);

        public int Introductions => _script.Introductions;

        public static async Task<ScriptedManager> StartAsync(int swallowIntroductions)
        {
            var a = await PtyNode.StartAsync(Options);
            try
            {
                var b = await PtyNode.StartAsync(Options with { Seeds = [a.Address] });
                var script = new Script(swallowIntroductions);
                a.ActorSystem.ActorOf(Props.Create(() => new ScriptedManagerActor(script)), "scripted-manager");
                var identity = await b.ActorSystem.ActorSelection(a.Address + "/user/scripted-manager").Ask<ActorIdentity>(new Identify(null), Bound);
                return new ScriptedManager(a, b, identity.Subject!, script);
            }
            catch
            {
                await a.DisposeAsync();
                throw;
            }
        }

        public async Task<SubsidiaryHandle> OpenSubsidiaryAsync()
        {
            var adopted = await _b.Ptys.CloneActor.Ask<RemotePtyAdopted>(new AdoptRemotePty(_manager, false, 0, 0, 0), Bound);
            Assert.Equal(Errno.None, adopted.Error);
            using var bounded = new CancellationTokenSource(Bound);
            return await _b.Ptys.OpenAdmittedSubsidiaryAsync(adopted.Minor, OpenFlags.NoCtty, null, bounded.Token);
        }

        /// <summary>The scripted manager sends <paramref name="message"/> to the subsidiary, from A.</summary>
        public async Task SendAsync(object message) => await _script.Send.Writer.WriteAsync(message);

        public async Task<object> NextFromSubsidiaryAsync(Func<object, bool> wanted)
        {
            using var bounded = new CancellationTokenSource(Bound);
            while (true)
            {
                var message = await _script.Received.Reader.ReadAsync(bounded.Token);
                if (wanted(message)) return message;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _b.DisposeAsync();
            await _a.DisposeAsync();
        }
    }

    private sealed class Script(int swallowIntroductions)
    {
        public int SwallowIntroductions { get; } = swallowIntroductions;
        public int Introductions;
        public Channel<object> Received { get; } = Channel.CreateUnbounded<object>();
        public Channel<object> Send { get; } = Channel.CreateUnbounded<object>();
    }

    /// <summary>Swallows the first introductions it is told to, answers the rest with Connected, and relays the test's messages.</summary>
    private sealed class ScriptedManagerActor : ReceiveActor
    {
        private IActorRef? _subsidiary;

        public ScriptedManagerActor(Script script)
        {
            Receive<SubsidiaryOpened>(_ =>
            {
                if (Interlocked.Increment(ref script.Introductions) <= script.SwallowIntroductions) return;
                _subsidiary = Sender;
                Sender.Tell(Connected.Instance);
            });
            Receive<Relay>(relay => _subsidiary!.Tell(relay.Message));
            ReceiveAny(message => script.Received.Writer.TryWrite(message));
            _ = RelayAsync(script, Self);
        }

        private static async Task RelayAsync(Script script, IActorRef self)
        {
            await foreach (var message in script.Send.Reader.ReadAllAsync()) self.Tell(new Relay(message));
        }

        private sealed record Relay(object Message);
    }
}
