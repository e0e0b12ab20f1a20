namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>
/// bytes_per_idle_actor: retained managed heap per live, started, idle top-level actor (a
/// ReceiveActor with one handler) on the pty dispatcher, over <see cref="Count"/> of them.
/// Includes everything Akka.NET keeps for it: cell, mailbox and its queue (the compact one,
/// empty while idle), ref, path, the actor object and the guardian's child entry.
/// </summary>
internal sealed class IdleActorMemoryBenchmark : IBenchmark
{
    public const int Count = 100_000;

    public string Name => "idle actor memory";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var bench = BenchActorSystem.Create("bench-idle");
        var started = new StartCounter();
        var props = BenchActorSystem.Props(() => new IdleActor(started));
        var bytes = await RetainedHeap.BytesPerObjectAsync(
            Count,
            _ => new ValueTask<Akka.Actor.IActorRef>(bench.System.ActorOf(props)),
            settle: async () => await started.WhenReachedAsync(Count).ConfigureAwait(false),
            release: actor =>
            {
                bench.System.Stop(actor);
                return default;
            }).ConfigureAwait(false);
        context.Add("bytes_per_idle_actor", bytes, FigureUnits.Bytes);
    }
}
