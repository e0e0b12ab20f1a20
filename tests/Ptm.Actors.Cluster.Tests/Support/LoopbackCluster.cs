namespace Ptm.Actors.Cluster.Tests.Support;

/// <summary>
/// Three nodes on 127.0.0.1, each a process: S founds the cluster (it is the oldest, so the
/// directory singleton runs there and stays there, specs/cluster "not done"), A and B join it.
/// Three, so that keep-majority downs a killed node and keeps the other two (CL6).
/// </summary>
internal sealed class LoopbackCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private LoopbackCluster(NodeProcess seed, NodeProcess a, NodeProcess b) => (S, A, B) = (seed, a, b);

    public NodeProcess S { get; }
    public NodeProcess A { get; }
    public NodeProcess B { get; }

    public static async Task<LoopbackCluster> StartAsync()
    {
        var seed = await NodeProcess.StartAsync("S", null, StartTimeout);
        Task<NodeProcess>? a = null, b = null;
        try
        {
            a = NodeProcess.StartAsync("A", seed.Address, StartTimeout);
            b = NodeProcess.StartAsync("B", seed.Address, StartTimeout);
            await Task.WhenAll(a, b);
            return new LoopbackCluster(seed, a.Result, b.Result);
        }
        catch
        {
            await seed.DisposeAsync();
            foreach (var started in new[] { a, b })
                if (started is { IsCompletedSuccessfully: true }) await started.Result.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await S.DisposeAsync();
    }
}
