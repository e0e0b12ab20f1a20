using Akka.Actor;

namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>
/// pingpong_round_trips_per_s (one ball in flight between two actors, compared with the
/// channel baseline) and pipelined_msgs_per_s (the same pair with 1,000 balls in flight,
/// counting every delivered message in both directions).
/// </summary>
internal sealed class PingPongBenchmark : IBenchmark
{
    public const int PipelineDepth = 1_000;

    public string Name => "actor ping-pong";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var bench = BenchActorSystem.Create("bench-pingpong");
        var echo = bench.ActorOf(static () => new EchoActor(), "echo");
        var pinger = bench.ActorOf(() => new PingerActor(echo), "pinger");

        var messages = await context.PerSecondAsync(deadline => PlayAsync(pinger, deadline, 1)).ConfigureAwait(false);
        context.Add("pingpong_round_trips_per_s", messages / 2, FigureUnits.PerSecond);

        cancellation.ThrowIfCancellationRequested();
        var pipelined = await context.PerSecondAsync(deadline => PlayAsync(pinger, deadline, PipelineDepth)).ConfigureAwait(false);
        context.Add("pipelined_msgs_per_s", pipelined, FigureUnits.PerSecond);
    }

    private static async ValueTask<long> PlayAsync(IActorRef pinger, long deadline, int inFlight)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        pinger.Tell(new PlayUntil(deadline, inFlight, done), ActorRefs.NoSender);
        return await Patience.Await(done.Task, $"the ping-pong of {inFlight} ball(s) did not end").ConfigureAwait(false);
    }
}
