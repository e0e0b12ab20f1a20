using System.Text;

namespace Ptm.Actors.Cluster.Tests.Support;

/// <summary>What the in-process cluster tests do with a node's handles, written once.</summary>
internal static class NodeHandles
{
    /// <summary>A manager on <paramref name="node"/>, granted and unlocked: its name opens from any node (L7.5, CL3).</summary>
    public static async Task<ClusterManager> OpenUnlockedManagerAsync(this PtyNode node)
    {
        var manager = await node.OpenManagerAsync();
        await manager.Handle.GrantAsync();
        await manager.Handle.UnlockAsync();
        return manager;
    }

    /// <summary>One read of at most 64 bytes, as ASCII; "" is a read of 0 (end of file or hang-up). Fails after <paramref name="bound"/>.</summary>
    public static async Task<string> ReadTextAsync(this PtyHandle handle, TimeSpan bound)
    {
        var buffer = new byte[64];
        var count = await handle.ReadAsync(buffer).WaitAsync(bound);
        return Encoding.ASCII.GetString(buffer, 0, count);
    }
}
