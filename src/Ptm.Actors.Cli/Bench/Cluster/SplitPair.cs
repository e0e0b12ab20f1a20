using Ptm.Actors.Cluster;

namespace Ptm.Actors.Cli.Bench.Cluster;

/// <summary>
/// A pty pair split across two cluster nodes (issue 17): two actor systems in this process,
/// joined over Akka.Remote on loopback TCP, the manager on the first, the subsidiary on the
/// second (specs/cluster, CL2, CL3). Every byte crosses a real socket and the pair serializer.
/// </summary>
internal sealed class SplitPair : IAsyncDisposable
{
    private readonly PtyNode _first;
    private readonly PtyNode _second;

    private SplitPair(PtyNode first, PtyNode second, ManagerHandle manager, SubsidiaryHandle subsidiary)
    {
        (_first, _second, Manager, Subsidiary) = (first, second, manager, subsidiary);
    }

    public ManagerHandle Manager { get; }
    public SubsidiaryHandle Subsidiary { get; }

    public static async Task<SplitPair> OpenAsync(CancellationToken cancellation)
    {
        var quiet = new PtyNodeOptions { ActorLogLevel = "OFF" }; // Akka.NET logs to stdout, where --json - writes the report
        var first = await PtyNode.StartAsync(quiet, cancellation).ConfigureAwait(false);
        PtyNode? second = null;
        try
        {
            second = await PtyNode.StartAsync(quiet with { Seeds = [first.Address] }, cancellation).ConfigureAwait(false);
            var manager = await first.OpenManagerAsync(cancellationToken: cancellation).ConfigureAwait(false);
            await manager.Handle.GrantAsync(cancellation).ConfigureAwait(false);
            await manager.Handle.UnlockAsync(cancellation).ConfigureAwait(false);
            var subsidiary = await second.OpenSubsidiaryAsync(manager.Name, cancellationToken: cancellation).ConfigureAwait(false);
            return new SplitPair(first, second, manager.Handle, subsidiary);
        }
        catch
        {
            if (second is not null) await second.DisposeAsync().ConfigureAwait(false);
            await first.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The second node leaves first, so the first (the directory's) sees a clean leave.</summary>
    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync().ConfigureAwait(false);
        await _first.DisposeAsync().ConfigureAwait(false);
    }
}
