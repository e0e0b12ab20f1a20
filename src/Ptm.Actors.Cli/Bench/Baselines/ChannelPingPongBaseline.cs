using System.Threading.Channels;

namespace Ptm.Actors.Cli.Bench.Baselines;

/// <summary>
/// baseline_channel_round_trips_per_s: what one message in flight between two tasks costs
/// with nothing but two System.Threading.Channels queues, no actors. The ceiling that
/// pingpong_round_trips_per_s is compared against.
/// </summary>
internal sealed class ChannelPingPongBaseline : IBenchmark
{
    public string Name => "channel ping-pong (baseline)";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true };
        var ping = Channel.CreateUnbounded<int>(options);
        var pong = Channel.CreateUnbounded<int>(options);
        var echo = Task.Run(() => EchoAsync(ping.Reader, pong.Writer), cancellation);
        try
        {
            var rate = await context.PerSecondAsync(deadline => PingUntilAsync(ping.Writer, pong.Reader, deadline)).ConfigureAwait(false);
            context.Add(BaselineMap.ChannelRoundTrips, rate, FigureUnits.PerSecond);
        }
        finally
        {
            ping.Writer.TryComplete();
            await echo.ConfigureAwait(false);
        }
    }

    /// <summary>The measured loop: send one, wait for its echo, repeat. No allocation per trip.</summary>
    private static async ValueTask<long> PingUntilAsync(ChannelWriter<int> ping, ChannelReader<int> pong, long deadline)
    {
        long trips = 0;
        do
        {
            if (!ping.TryWrite((int)trips)) throw new InvalidOperationException("the unbounded ping channel refused a message");
            var echoed = await pong.ReadAsync().ConfigureAwait(false);
            if (echoed != (int)trips) throw new InvalidOperationException($"echo {echoed} for ping {(int)trips}");
            trips++;
        } while (!Measure.Reached(deadline));
        return trips;
    }

    private static async Task EchoAsync(ChannelReader<int> ping, ChannelWriter<int> pong)
    {
        while (await ping.WaitToReadAsync().ConfigureAwait(false))
            while (ping.TryRead(out var message))
                pong.TryWrite(message);
        pong.TryComplete();
    }
}
