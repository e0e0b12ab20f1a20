using Ptm.Actors.Cluster.Tests.Support;

namespace Ptm.Actors.Cluster.Tests;

/// <summary>
/// CL4 holds whatever way a host opens: a cluster pty's node-local slot is no name (CL1), so
/// opening it through a handle's own PtySystem cannot start a second stream behind the
/// directory's back. Two nodes in this process, as <c>ptm bench cluster</c> runs them.
/// </summary>
[Collection(TrafficCollection.Name)]
public sealed class LocalSlotTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_cluster_ptys_node_local_slot_opens_nothing_on_the_manager_node_nor_on_the_subsidiary_node()
    {
        var quiet = new PtyNodeOptions { ActorLogLevel = "OFF" };
        await using var a = await PtyNode.StartAsync(quiet);
        await using var b = await PtyNode.StartAsync(quiet with { Seeds = [a.Address] });
        var manager = await a.OpenUnlockedManagerAsync();
        var managerSlot = "/dev/pts/" + manager.Handle.Minor;

        await RefusedAsync(() => manager.Handle.System.OpenSubsidiaryAsync(managerSlot));
        await RefusedAsync(() => manager.Handle.OpenSubsidiaryAsync()); // ptsname's slot, not the cluster name

        var remote = await b.OpenSubsidiaryAsync(manager.Name);
        var remoteSlot = "/dev/pts/" + remote.Minor;
        await RefusedAsync(() => remote.System.OpenSubsidiaryAsync(remoteSlot)); // B's stream is open: it would have joined
        await RefusedAsync(() => manager.Handle.System.OpenSubsidiaryAsync(managerSlot)); // a second stream, while B's is open
        Assert.Equal(2, await manager.Handle.WriteAsync("hi"u8.ToArray()));
        var buffer = new byte[16];
        Assert.Equal(2, await remote.ReadAsync(buffer)); // B's stream is still the manager's

        await remote.CloseAsync();
        await RefusedAsync(() => remote.System.OpenSubsidiaryAsync(remoteSlot)); // B's entry lives on with the manager (CL8)
        using var bounded = new CancellationTokenSource(Bound);
        await using var local = await OpenOnceReleasedAsync(a, manager.Name, bounded.Token); // the directory's way still opens on A
        Assert.Equal(2, await local.WriteAsync("ok"u8.ToArray()));
        Assert.Equal(0, await manager.Handle.ReadAsync(buffer)); // B's close, once (L13)
        Assert.Equal(2, await manager.Handle.ReadAsync(buffer)); // then A's new stream (L11)
    }

    private static async Task RefusedAsync(Func<Task<SubsidiaryHandle>> open)
    {
        var refused = await Assert.ThrowsAsync<PtyException>(open);
        Assert.Equal(Errno.ENOENT, refused.Errno);
    }

    /// <summary>CL4: EAGAIN until the directory has seen B's stream end ("try again").</summary>
    private static async Task<SubsidiaryHandle> OpenOnceReleasedAsync(PtyNode node, string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await node.OpenSubsidiaryAsync(name, cancellationToken: cancellationToken);
            }
            catch (PtyException busy) when (busy.Errno == Errno.EAGAIN)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
