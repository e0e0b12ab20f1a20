using System.Diagnostics;
using Akka.Actor;

namespace Ptm.Actors.Cli.Bench.Kernel;

/// <summary>
/// tells_per_s: one sender (the benchmark thread, outside any actor) tells one actor as fast
/// as it can. The window closes only when the actor has processed every tell, so a mailbox
/// that merely buffers is not flattered. The sender stays at most <see cref="MaxAhead"/>
/// messages ahead so the queue (and the heap) stays bounded.
/// </summary>
internal sealed class TellThroughputBenchmark : IBenchmark
{
    public const int MaxAhead = 100_000;

    public string Name => "actor tells";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var bench = BenchActorSystem.Create("bench-tells");
        var counter = new TellCounter();
        var target = bench.ActorOf(() => new CountingActor(counter), "counter");
        var rate = await context.PerSecondAsync(deadline => TellUntilAsync(target, counter, deadline)).ConfigureAwait(false);
        context.Add("tells_per_s", rate, FigureUnits.PerSecond);
    }

    private static async ValueTask<long> TellUntilAsync(IActorRef target, TellCounter counter, long deadline)
    {
        var start = counter.Read();
        long sent = 0;
        do
        {
            target.Tell(Ball.Instance, ActorRefs.NoSender);
            sent++;
            if (sent - (counter.Read() - start) >= MaxAhead) WaitForCatchUp(counter, start, sent);
        } while (!Measure.Reached(deadline));
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        target.Tell(new Drain(done), ActorRefs.NoSender);
        var processed = await Patience.Await(done.Task, $"the counter did not answer after {sent:N0} tells").ConfigureAwait(false) - start;
        if (processed != sent) throw new InvalidOperationException($"told {sent} but the actor counted {processed}");
        return sent;
    }

    // Spins (a delay inside the window would distort the figure), bounded so a lost wake-up fails the benchmark.
    private static void WaitForCatchUp(TellCounter counter, long start, long sent)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Patience.Limit.TotalSeconds * Stopwatch.Frequency);
        var spin = new SpinWait();
        while (sent - (counter.Read() - start) >= MaxAhead / 2)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"the counter stopped at {counter.Read() - start:N0} of {sent:N0} tells: a message was lost or a mailbox was never run again");
            spin.SpinOnce();
        }
    }
}
