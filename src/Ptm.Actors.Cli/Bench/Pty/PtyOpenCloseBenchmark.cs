namespace Ptm.Actors.Cli.Bench.Pty;

/// <summary>pty_open_close_per_s: posix_openpt, grantpt, unlockpt, open the subsidiary, close both (a whole pty's life).</summary>
internal sealed class PtyOpenCloseBenchmark : IBenchmark
{
    public string Name => "pty open/close";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var system = PtySystem.Create();
        var posix = system.Posix;
        var perSecond = await context.PerSecondAsync(async deadline =>
        {
            long pairs = 0;
            do
            {
                var pair = await SimPair.OpenAsync(posix).ConfigureAwait(false);
                await pair.CloseAsync(posix).ConfigureAwait(false);
                pairs++;
            } while (!Measure.Reached(deadline));
            return pairs;
        }).ConfigureAwait(false);
        context.Add("pty_open_close_per_s", perSecond, FigureUnits.PerSecond);
    }
}
