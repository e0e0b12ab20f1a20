using Akka.Actor;

namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>
/// spawn_stop_per_s: complete child lifecycles per second. One parent spawns a child
/// (Context.ActorOf), watches it and tells it a ball; the child answers once; the parent stops
/// it and counts the cycle only when its Terminated arrives. <see cref="Concurrent"/> cycles
/// run side by side (a new one starts as each ends), as an application's spawns would.
/// </summary>
internal sealed class SpawnStopBenchmark : IBenchmark
{
    public const int Concurrent = 100;

    public string Name => "actor spawn/stop";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var bench = BenchActorSystem.Create("bench-spawn");
        var parent = bench.ActorOf(static () => new SpawningParentActor(), "parent");
        var rate = await context.PerSecondAsync(async deadline =>
        {
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            parent.Tell(new PlayUntil(deadline, Concurrent, done), ActorRefs.NoSender);
            return await Patience.Await(done.Task, "the spawn/stop cycles did not end").ConfigureAwait(false);
        }).ConfigureAwait(false);
        context.Add("spawn_stop_per_s", rate, FigureUnits.PerSecond);
    }
}

/// <summary>Runs spawn → answer → stop → Terminated cycles until the deadline, then reports how many finished.</summary>
internal sealed class SpawningParentActor : UntypedActor
{
    private static readonly Props ChildProps = BenchActorSystem.Props(static () => new EchoActor());
    private PlayUntil? _play;
    private long _cycles;
    private int _outstanding;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Ball:
                Context.Stop(Sender);
                break;
            case Terminated:
                _cycles++;
                if (!Measure.Reached(_play!.Deadline)) SpawnOne();
                else if (--_outstanding == 0) _play.Done.TrySetResult(_cycles);
                break;
            case PlayUntil play:
                _play = play;
                _cycles = 0;
                _outstanding = play.InFlight;
                for (var i = 0; i < play.InFlight; i++) SpawnOne();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void SpawnOne()
    {
        var child = Context.ActorOf(ChildProps);
        Context.Watch(child);
        child.Tell(Ball.Instance, Self);
    }
}
