namespace Ptm.Actors.Cli.Bench.Pty;

/// <summary>pty_round_trips_per_s: one byte manager to subsidiary and back, one in flight; an echo task serves the subsidiary.</summary>
internal sealed class PtyRoundTripBenchmark : IBenchmark
{
    public string Name => "pty round trips, one byte in flight";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var system = PtySystem.Create();
        var posix = system.Posix;
        var pair = await SimPair.OpenAsync(posix).ConfigureAwait(false);
        var echo = Task.Run(async () =>
        {
            var one = new byte[1];
            while (true)
            {
                var read = await posix.ReadAsync(pair.Subsidiary, one).ConfigureAwait(false);
                if (!read.IsOk || read.Value == 0) return; // hung up at the end of the run
                if (!(await posix.WriteAsync(pair.Subsidiary, one).ConfigureAwait(false)).IsOk) return;
            }
        }, cancellation);
        var ping = new byte[] { 42 };
        var pong = new byte[1];
        var perSecond = await context.PerSecondAsync(async deadline =>
        {
            long trips = 0;
            do
            {
                (await posix.WriteAsync(pair.Manager, ping).ConfigureAwait(false)).ValueOrThrow("write");
                (await posix.ReadAsync(pair.Manager, pong).ConfigureAwait(false)).ValueOrThrow("read");
                trips++;
            } while (!Measure.Reached(deadline));
            return trips;
        }).ConfigureAwait(false);
        await posix.CloseAsync(pair.Manager).ConfigureAwait(false);
        await echo.ConfigureAwait(false);
        context.Add("pty_round_trips_per_s", perSecond, FigureUnits.PerSecond);
    }
}
