using Ptm.Actors.Cluster.Tests.Support;

namespace Ptm.Actors.Cluster.Tests;

/// <summary>A manager on node A and its subsidiary on node B, each node a process on loopback (CL2, CL3, CL5).</summary>
[Collection(TrafficCollection.Name)]
public sealed class CrossNodeRoundTripTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Bytes_cross_both_ways_and_the_subsidiary_close_is_one_end_of_file_on_the_manager_node()
    {
        await using var cluster = await LoopbackCluster.StartAsync();
        var name = Word(await cluster.A.AskAsync("open-manager"), 1);
        Assert.Equal("/dev/pts/1", name); // CL1: the directory's first name, PD1
        Assert.Equal("ok", await cluster.B.AskAsync("open " + name));

        Assert.Equal("ok 6", await cluster.A.AskAsync("write m hello\\n"));
        Assert.Equal("ok 6 hello\\n", await cluster.B.AskAsync("read s", Bound));
        Assert.Equal("ok 5", await cluster.B.AskAsync("write s world"));
        Assert.Equal("ok 5 world", await cluster.A.AskAsync("read m", Bound));

        Assert.Equal("ok", await cluster.B.AskAsync("close s"));
        Assert.Equal("ok 0 ", await cluster.A.AskAsync("read m", Bound)); // L13 once, after the data
        Assert.Equal("ok 1", await cluster.S.AskAsync("names")); // the manager still holds its name (L13: READY)
        Assert.Equal("ok", await cluster.A.AskAsync("close m"));
        Assert.Equal("ok 0", await cluster.S.AskUntilAsync("names", "ok 0", Bound)); // CL8, L16
        Assert.Equal("ok 0", await cluster.B.AskUntilAsync("minors", "ok 0", Bound)); // B's own slot for the remote pty, too
    }

    [Fact]
    public async Task A_remote_echo_answers_one_byte_round_trips()
    {
        await using var cluster = await LoopbackCluster.StartAsync();
        var name = await cluster.OpenPairAcrossAsync();
        Assert.Equal("ok", await cluster.B.AskAsync("echo s"));

        var reply = await cluster.A.AskAsync("pingpong 500", TimeSpan.FromSeconds(60));
        Assert.StartsWith("ok 500 ", reply);
        var microseconds = long.Parse(Word(reply, 2));
        Console.WriteLine($"cross-node round trips: 500 in {microseconds / 1000.0:0.0} ms, {500 * 1e6 / microseconds:0} /s");

        Assert.Equal("ok", await cluster.A.AskAsync("close m"));
        Assert.Equal("echo-eof", await cluster.B.NextEventAsync(Bound)); // L14, L15: the hang-up reads as end of file
    }

    [Fact]
    public async Task Every_accepted_byte_of_a_bulk_transfer_arrives_once_and_in_order_on_the_other_node()
    {
        await using var cluster = await LoopbackCluster.StartAsync();
        var name = await cluster.OpenPairAcrossAsync();
        Assert.Equal("ok", await cluster.B.AskAsync("sink s"));

        const long total = 1L << 20; // far past every water mark: flow control (D13, D15) runs across the network
        var reply = await cluster.A.AskAsync("blast m " + total, TimeSpan.FromSeconds(90));
        Assert.StartsWith($"ok {total} ", reply);
        var microseconds = long.Parse(Word(reply, 2));
        Console.WriteLine($"cross-node 4 KiB writes: {total >> 20} MiB in {microseconds / 1000.0:0} ms, {total / (double)microseconds:0.0} MB/s");
        Assert.Equal("ok", await cluster.A.AskAsync("close m")); // a blocking close drains its queue first (H3)
        Assert.Equal($"sink-eof {total}", await cluster.B.NextEventAsync(Bound)); // PD14, CL9: all of it, once, in order
    }

    internal static string Word(string line, int index) => line.Split(' ')[index];
}

/// <summary>
/// The cluster tests that lose a node run one at a time (each starts three node processes, and
/// mostly waits for failure detection); alongside them, one at a time too, the tests whose nodes
/// all stay (<see cref="TrafficCollection"/>). Two clusters at once at most, on two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "cluster nodes, losses";
}

/// <summary>The cluster tests whose nodes all stay: they run beside <see cref="ClusterCollection"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TrafficCollection
{
    public const string Name = "cluster nodes, traffic";
}
