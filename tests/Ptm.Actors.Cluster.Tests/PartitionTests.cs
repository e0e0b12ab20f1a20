using Ptm.Actors.Cluster.Tests.Support;

namespace Ptm.Actors.Cluster.Tests;

/// <summary>
/// A node frozen (SIGSTOP) is a partition: its sockets stay open and go silent. Frozen past the
/// downing decision it is removed and quarantined (CL10); thawed sooner, the partition heals and
/// its pairs go on as if nothing had happened (CL7, CL11).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PartitionTests
{
    private static readonly TimeSpan LossBound = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_manager_node_frozen_past_the_downing_decision_is_quarantined_and_its_subsidiary_stays_hung_up()
    {
        await using var cluster = await LoopbackCluster.StartAsync();
        var name = await cluster.OpenPairAcrossAsync();
        Assert.Equal("ok 3", await cluster.A.AskAsync("write m one"));
        Assert.Equal("ok 3 one", await cluster.B.AskAsync("read s", Bound));

        cluster.A.Freeze();
        Assert.Equal("ok 0 ", await cluster.B.AskAsync("read s", LossBound)); // downed by S and B (keep-majority): lost (CL6, L15)
        cluster.A.Thaw();
        Assert.Equal("terminated", await cluster.A.NextEventAsync(LossBound)); // it learns it was removed and shuts down (CL10)
        Assert.Contains("is now quarantined", cluster.B.Log + cluster.S.Log); // Akka.Remote's own word for it, on a survivor

        Assert.Equal("err EIO", await cluster.B.AskAsync("write s x")); // never resumed: still hung up (L15)
        Assert.Contains("POLLHUP", await cluster.B.AskAsync("poll s"));
        Assert.Equal("ok", await cluster.B.AskAsync("close s"));
        Assert.Equal("ok 0", await cluster.S.AskUntilAsync("names", "ok 0", Bound)); // CL8
    }

    [Fact]
    public async Task A_partition_healed_before_the_downing_decision_loses_nothing_and_ends_nothing()
    {
        // Unreachable after 1 s of silence, downed only after 60 s: the partition heals in between.
        await using var cluster = await LoopbackCluster.StartAsync("--failure-detection-ms", "1000", "--downing-delay-ms", "60000");
        var name = await cluster.OpenPairAcrossAsync();
        Assert.Equal("ok 6", await cluster.B.AskAsync("write s before"));
        Assert.Equal("ok 6 before", await cluster.A.AskAsync("read m", Bound));

        cluster.A.Freeze();
        var unreachable = await cluster.B.AskUntilAsync("unreachable", reply => reply.Contains(cluster.A.Address), Bound);
        Assert.Contains(cluster.A.Address, unreachable);
        Assert.Equal("ok 6", await cluster.B.AskAsync("write s during")); // accepted into B's stream (H8): unreachable is not lost (CL7)
        Assert.DoesNotContain("POLLHUP", await cluster.B.AskAsync("poll s"));
        cluster.A.Thaw();
        Assert.Equal("ok ", await cluster.B.AskUntilAsync("unreachable", "ok ", Bound)); // healed

        Assert.Equal("ok 6 during", await cluster.A.AskAsync("read m", Bound)); // nothing lost, nothing twice (CL9, CL11)
        Assert.Equal("ok 5", await cluster.A.AskAsync("write m after"));
        Assert.Equal("ok 5 after", await cluster.B.AskAsync("read s", Bound));
        Assert.Equal("ok 1", await cluster.S.AskAsync("names")); // nobody was downed
    }
}
