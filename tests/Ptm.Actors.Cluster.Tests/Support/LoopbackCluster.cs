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

    /// <summary>Starts S, then A and B; <paramref name="options"/> go to every node's command line (NodeHost/Program.cs).</summary>
    /// <remarks>
    /// S first; A and B together once S is up. Started all at once, A and B found S not yet
    /// listening, and Akka.Remote then gates the address for 5 s before trying again: slower.
    /// </remarks>
    public static async Task<LoopbackCluster> StartAsync(params string[] options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var seed = await NodeProcess.StartAsync("S", null, StartTimeout, options);
        var a = NodeProcess.StartAsync("A", seed.Address, StartTimeout, options);
        var b = NodeProcess.StartAsync("B", seed.Address, StartTimeout, options);
        try
        {
            await Task.WhenAll(a, b);
            Console.WriteLine($"three nodes up in {clock.Elapsed.TotalSeconds:0.0} s");
            return new LoopbackCluster(seed, a.Result, b.Result);
        }
        catch
        {
            await seed.DisposeAsync();
            foreach (var started in new[] { a, b })
                if (started.IsCompletedSuccessfully) await started.Result.DisposeAsync();
            throw;
        }
    }

    /// <summary>A manager opened on A and its subsidiary opened by name on B (CL2, CL3): the pty's cluster name.</summary>
    public async Task<string> OpenPairAcrossAsync()
    {
        var name = CrossNodeRoundTripTests.Word(await A.AskAsync("open-manager"), 1);
        Assert.Equal("ok", await B.AskAsync("open " + name));
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await DisposeNodesAsync();
        }
        finally
        {
            Console.WriteLine($"three nodes gone in {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }

    private async ValueTask DisposeNodesAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await S.DisposeAsync();
    }
}
