using System.Threading.Channels;
using Akka.Actor;
using Ptm.Actors.Pty;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Cluster.Tests;

/// <summary>
/// CL11 message by message: a subsidiary on node B whose manager is a scripted actor on node A,
/// so a test decides exactly which message is swallowed, and in what order the rest arrive.
/// Two nodes in this process; the link itself loses nothing here.
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
        Assert.Equal("ok", await ReadTextAsync(subsidiary)); // numbered from 1 from the (only) connection
    }

    [Fact]
    public async Task A_numbered_message_out_of_turn_hangs_the_subsidiary_up_and_tells_the_manager_the_pair_is_broken()
    {
        await using var nodes = await ScriptedManager.StartAsync(swallowIntroductions: 0);
        await using var subsidiary = await nodes.OpenSubsidiaryAsync();
        await nodes.SendAsync(new Sequenced(1, new DataMessage("one"u8.ToArray())));
        Assert.Equal("one", await ReadTextAsync(subsidiary));

        await nodes.SendAsync(new Sequenced(3, new DataMessage("three"u8.ToArray()))); // number 2 never came
        Assert.IsType<PairBroken>(await nodes.NextFromSubsidiaryAsync(m => m is PairBroken));
        await subsidiary.HungUp.WaitAsync(Bound); // CL6, L15: as if the manager's node were lost
        Assert.Equal("", await ReadTextAsync(subsidiary)); // CL9.1: "three" is never read
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

    private static async Task<string> ReadTextAsync(PtyHandle handle)
    {
        var buffer = new byte[64];
        var count = await handle.ReadAsync(buffer).WaitAsync(Bound);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, count);
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
