using Akka.Actor;

namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>
/// ask_round_trip_us: mean microseconds for one Ask (with a timeout armed, as callers use it)
/// from outside the system to an echoing actor, awaited before the next one starts. Measured as
/// Akka.NET ships it: the reply completes a task whose continuation runs on the ThreadPool, and
/// the timeout is a wall-clock timer per call.
/// </summary>
internal sealed class AskRoundTripBenchmark : IBenchmark
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public string Name => "actor ask";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var bench = BenchActorSystem.Create("bench-ask");
        var echo = bench.ActorOf(static () => new EchoActor(), "echo");
        var asksPerSecond = await context.PerSecondAsync(deadline => AskUntilAsync(echo, deadline)).ConfigureAwait(false);
        context.Add("ask_round_trip_us", 1_000_000 / asksPerSecond, FigureUnits.Microseconds);
    }

    private static async ValueTask<long> AskUntilAsync(IActorRef echo, long deadline)
    {
        long asks = 0;
        do
        {
            var reply = await echo.Ask(Ball.Instance, Timeout).ConfigureAwait(false);
            if (!ReferenceEquals(reply, Ball.Instance)) throw new InvalidOperationException($"the echo answered {reply}");
            asks++;
        } while (!Measure.Reached(deadline));
        return asks;
    }
}
