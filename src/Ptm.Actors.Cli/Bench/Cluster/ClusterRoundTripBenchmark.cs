namespace Ptm.Actors.Cli.Bench.Cluster;

/// <summary>
/// cluster_round_trips_per_s: pty_round_trips_per_s with the pair split across two nodes (one
/// byte manager to subsidiary and back, one in flight), against that figure in one process.
/// </summary>
internal sealed class ClusterRoundTripBenchmark : IBenchmark
{
    public string Name => "round trips, one byte in flight, manager and subsidiary on two nodes";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var pair = await SplitPair.OpenAsync(cancellation).ConfigureAwait(false);
        var echo = Task.Run(async () =>
        {
            var one = new byte[1];
            while (await pair.Subsidiary.ReadAsync(one).ConfigureAwait(false) == 1)
                await pair.Subsidiary.WriteAsync(one).ConfigureAwait(false);
        }, cancellation);
        var ping = new byte[] { 42 };
        var pong = new byte[1];
        var perSecond = await context.PerSecondAsync(async deadline =>
        {
            long trips = 0;
            do
            {
                await pair.Manager.WriteAsync(ping).ConfigureAwait(false);
                await pair.Manager.ReadAsync(pong).ConfigureAwait(false);
                trips++;
            } while (!Measure.Reached(deadline));
            return trips;
        }).ConfigureAwait(false);
        await pair.Manager.CloseAsync(CancellationToken.None).ConfigureAwait(false); // the hang-up ends the echo with 0 (L15)
        await echo.ConfigureAwait(false);
        context.Add("cluster_round_trips_per_s", perSecond, FigureUnits.PerSecond, "pty_round_trips_per_s");
    }
}
