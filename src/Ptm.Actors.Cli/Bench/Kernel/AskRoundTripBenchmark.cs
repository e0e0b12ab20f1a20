using Ptm.Actors.Kernel;

namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>
/// ask_round_trip_us: mean microseconds for one Ask (default timeout armed) from outside the
/// system to an echoing actor, awaited before the next one starts.
/// </summary>
public sealed class AskRoundTripBenchmark : IBenchmark
{
    public string Name => "actor ask";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var system = ActorSystem.Create("bench-ask");
        var echo = system.ActorOf(Props.Create<EchoActor>(), "echo");
        var asksPerSecond = await context.PerSecondAsync(deadline => AskUntilAsync(echo, deadline)).ConfigureAwait(false);
        context.Add("ask_round_trip_us", 1_000_000 / asksPerSecond, FigureUnits.Microseconds);
    }

    private static async ValueTask<long> AskUntilAsync(IActorRef echo, long deadline)
    {
        long asks = 0;
        do
        {
            var reply = await echo.Ask(Ball.Instance).ConfigureAwait(false);
            if (!ReferenceEquals(reply, Ball.Instance)) throw new InvalidOperationException($"the echo answered {reply}");
            asks++;
        } while (!Measure.Reached(deadline));
        return asks;
    }
}
