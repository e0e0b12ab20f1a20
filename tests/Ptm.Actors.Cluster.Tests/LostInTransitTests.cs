using Ptm.Actors.Cluster.Tests.Support;

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
        Assert.Equal("one", await subsidiary.ReadTextAsync(Bound));

        await link.BlackHoleAsync();
        Assert.Equal(3, await manager.Handle.WriteAsync("two"u8.ToArray())); // accepted (H8), then swallowed
        await link.SentThroughTheHoleAsync(fromA: true); // the manager's node has written "two" into the black hole
        await link.HealAsync();
        Assert.Equal(5, await manager.Handle.WriteAsync("three"u8.ToArray())); // crosses: the link works again

        Assert.Equal("", await subsidiary.ReadTextAsync(Bound)); // CL9.1: never "three" without "two"; CL6, L15: hung up instead
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
}
