using System.Diagnostics;

namespace Ptm.Actors.Cli.Bench.Pty;

/// <summary>
/// `ptm bench scale`: opens --pairs pty pairs (default 100,000) the canonical way and keeps them
/// idle; reports the time to open them all, the retained managed heap per idle pair (the
/// actors, the Clone's entry and the facade's descriptors), the throughput of traffic on 1% of
/// them while the rest stay idle, and the time to close them all. The baseline is Linux's own
/// ceiling: kernel.pty.max defaults to 4,096 ptys in all.
/// </summary>
internal sealed class ScaleBenchmark : IBenchmark
{
    private const int OpensInFlight = 256;
    private const int TrafficBlock = 4096;

    public string Name => "many idle pairs";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var count = context.Options.Pairs;
        var before = SettledHeap();
        await using var system = PtySystem.Create();
        var posix = system.Posix;
        var pairs = new SimPair[count];

        var clock = Stopwatch.StartNew();
        await ForEachInFlight(count, async i => pairs[i] = await SimPair.OpenAsync(posix).ConfigureAwait(false)).ConfigureAwait(false);
        var openSeconds = clock.Elapsed.TotalSeconds;
        await system.WhenIdleAsync().ConfigureAwait(false);
        var bytesPerPair = (SettledHeap() - before) / (double)count;

        var trafficMBps = await TrafficOnOnePercent(context, posix, pairs).ConfigureAwait(false);

        clock.Restart();
        await ForEachInFlight(count, i => pairs[i].CloseAsync(posix)).ConfigureAwait(false);
        var closeSeconds = clock.Elapsed.TotalSeconds;
        if (system.AllocatedMinors != 0) throw new InvalidOperationException($"{system.AllocatedMinors} ptys still allocated after closing every pair");

        context.Add("scale_pairs", count, "pairs");
        context.Add("bytes_per_idle_pair", bytesPerPair, FigureUnits.Bytes);
        context.Add("scale_open_s", openSeconds, "s");
        context.Add("scale_close_s", closeSeconds, "s");
        context.Add("scale_traffic_MBps", trafficMBps, FigureUnits.MegabytesPerSecond, BaselineMap.OsPtyThroughput4k);
    }

    /// <summary>Manager-to-subsidiary 4 KiB writes on every hundredth pair at once, counted at the readers.</summary>
    private static async Task<double> TrafficOnOnePercent(BenchContext context, PosixApi posix, SimPair[] pairs)
    {
        var busy = new List<SimPair>();
        for (var i = 0; i < pairs.Length; i += 100) busy.Add(pairs[i]);
        var block = new byte[TrafficBlock];
        using var stop = new CancellationTokenSource();
        long received = 0;
        var tasks = new List<Task>();
        foreach (var pair in busy)
        {
            tasks.Add(Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                    if (!(await posix.WriteAsync(pair.Manager, block, null, stop.Token).ConfigureAwait(false)).IsOk) return;
            }));
            tasks.Add(Task.Run(async () =>
            {
                var buffer = new byte[64 * 1024];
                while (!stop.IsCancellationRequested)
                {
                    var read = await posix.ReadAsync(pair.Subsidiary, buffer, null, stop.Token).ConfigureAwait(false);
                    if (!read.IsOk) return;
                    Interlocked.Add(ref received, read.Value);
                }
            }));
        }
        var window = context.Options.Window * context.Options.Runs;
        var start = Interlocked.Read(ref received);
        var clock = Stopwatch.StartNew();
        await Task.Delay(window).ConfigureAwait(false); // a benchmark's measuring window, not a test barrier
        var bytes = Interlocked.Read(ref received) - start;
        var seconds = clock.Elapsed.TotalSeconds;
        stop.Cancel(); // blocked calls end EINTR
        await Task.WhenAll(tasks).ConfigureAwait(false);
        // What the writers left queued would hold each manager's blocking close for 15 s (H3):
        // the close phase measures closing, so the output nobody will read is dropped first.
        foreach (var pair in busy) await posix.DiscardAsync(pair.Manager, FlushFlags.FLUSHW).ConfigureAwait(false);
        return bytes / seconds / FigureUnits.BytesPerMegabyte;
    }

    private static async Task ForEachInFlight(int count, Func<int, Task> operation)
    {
        var next = -1;
        var workers = new Task[Math.Min(OpensInFlight, count)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count) await operation(i).ConfigureAwait(false);
            });
        }
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
