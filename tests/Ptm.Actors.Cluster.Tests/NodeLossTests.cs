using System.Diagnostics;
using Ptm.Actors.Cluster.Tests.Support;

namespace Ptm.Actors.Cluster.Tests;

/// <summary>
/// A node killed as a crash would (its process ended, no leaving, no closes): keep-majority
/// downs it, death-watch reports its sides as Terminated, and each survivor acts as PD13 says (CL6).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeLossTests
{
    // Failure detection (3 s heartbeat pause) plus the resolver's stable-after (3 s), then removal:
    // the survivor's read waits for that; the bound leaves room for two busy cores.
    private static readonly TimeSpan LossBound = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_subsidiary_whose_manager_node_was_killed_is_hung_up()
    {
        await using var cluster = await LoopbackCluster.StartAsync();
        var name = await cluster.OpenPairAcrossAsync();
        Assert.Equal("ok 7", await cluster.A.AskAsync("write m before\\n"));
        Assert.Equal("ok 7 before\\n", await cluster.B.AskAsync("read s", Bound)); // in B's read queue: never lost (PD13, CL9.2)

        cluster.A.Kill();
        var clock = Stopwatch.StartNew();
        Assert.Equal("ok 0 ", await cluster.B.AskAsync("read s", LossBound)); // L15: end of file once hung up
        Console.WriteLine($"manager node killed: subsidiary hung up after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal("err EIO", await cluster.B.AskAsync("write s x")); // L15
        Assert.Contains("POLLHUP", await cluster.B.AskAsync("poll s")); // L15
        Assert.Equal("ok 0 ", await cluster.B.AskAsync("read s", Bound)); // 0 forever

        Assert.Equal("ok 1", await cluster.S.AskAsync("names")); // the subsidiary still holds the name
        Assert.Equal("ok", await cluster.B.AskAsync("close s"));
        Assert.Equal("ok 0", await cluster.S.AskUntilAsync("names", "ok 0", Bound)); // CL8: both sides gone
        Assert.Equal("ok 0", await cluster.B.AskUntilAsync("minors", "ok 0", Bound)); // B's slot too (L16)
    }

    [Fact]
    public async Task A_manager_whose_subsidiary_node_was_killed_reads_end_of_file_once_and_can_be_opened_again()
    {
        await using var cluster = await LoopbackCluster.StartAsync();
        var name = await cluster.OpenPairAcrossAsync();
        Assert.Equal("ok 5", await cluster.B.AskAsync("write s early"));
        Assert.Equal("ok 5 early", await cluster.A.AskAsync("read m", Bound));

        cluster.B.Kill();
        var clock = Stopwatch.StartNew();
        Assert.Equal("ok 0 ", await cluster.A.AskAsync("read m", LossBound)); // L13: end of file
        Console.WriteLine($"subsidiary node killed: manager read end of file after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain("POLLIN", await cluster.A.AskAsync("poll m")); // once: nothing more to read (L13)
        Assert.DoesNotContain("POLLHUP", await cluster.A.AskAsync("poll m")); // no hang-up on the manager (L13)

        Assert.Equal("ok 1", await cluster.S.AskAsync("names")); // the manager keeps its name (READY)
        // A new stream from another node (L11, CL3), once the directory too has seen B's stream end:
        // each watcher learns of a loss on its own, and until then the open fails EAGAIN (CL4).
        Assert.Equal("ok", await cluster.S.AskUntilAsync("open " + name, "ok", Bound));
        Assert.Equal("ok 3", await cluster.S.AskAsync("write s new"));
        Assert.Equal("ok 3 new", await cluster.A.AskAsync("read m", Bound));
        Assert.Equal("ok", await cluster.A.AskAsync("close m"));
        Assert.Equal("ok 0 ", await cluster.S.AskAsync("read s", Bound)); // L14, L15
        Assert.Equal("ok", await cluster.S.AskAsync("close s"));
        Assert.Equal("ok 0", await cluster.S.AskUntilAsync("names", "ok 0", Bound)); // CL8
    }

    [Fact]
    public async Task A_directory_taken_over_by_another_node_keeps_the_names_of_live_ptys()
    {
        await using var cluster = await LoopbackCluster.StartAsync();
        var name = await cluster.OpenPairAcrossAsync();

        cluster.S.Kill(); // the oldest node, where the directory runs: it moves to A once S is downed
        var clock = Stopwatch.StartNew();
        Assert.Equal("ok 1", await cluster.B.AskUntilAsync("names", reply => reply.StartsWith("ok", StringComparison.Ordinal), LossBound)); // recalled (CL1)
        Console.WriteLine($"directory node killed: the new directory answered after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.NotEqual("ok " + name, await cluster.B.AskAsync("open-manager")); // CL1: never a live pty's name
        Assert.Equal("ok 2", await cluster.A.AskAsync("write m hi"));
        Assert.Equal("ok 2 hi", await cluster.B.AskAsync("read s", Bound)); // the pair never noticed (its nodes stayed)
    }
}
