using Ptm.Actors.Kernel;

namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>
/// bytes_per_idle_actor: retained managed heap per live, started, idle top-level actor (a
/// ReceiveActor with one handler), over <see cref="Count"/> of them. Includes everything the
/// kernel keeps for it: cell, mailbox, ref, path, the actor object and the parent's entry.
/// </summary>
public sealed class IdleActorMemoryBenchmark : IBenchmark
{
    public const int Count = 100_000;

    public string Name => "idle actor memory";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var system = ActorSystem.Create("bench-idle");
        var props = Props.Create<IdleActor>();
        var bytes = await RetainedHeap.BytesPerObjectAsync(
            Count,
            _ => new ValueTask<IActorRef>(system.ActorOf(props)),
            settle: async () => await system.WhenIdleAsync().ConfigureAwait(false),
            release: actor =>
            {
                system.Stop(actor);
                return default;
            }).ConfigureAwait(false);
        await system.WhenIdleAsync().ConfigureAwait(false);
        context.Add("bytes_per_idle_actor", bytes, FigureUnits.Bytes);
    }
}
