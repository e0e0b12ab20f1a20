namespace Ptm.Actors.Cli.Bench.Cluster;

/// <summary>
/// cluster_throughput_MBps_4k: blocking 4 KiB writes on a manager whose subsidiary runs on
/// another node, read there in 64 KiB reads, against pty_throughput_MBps_4k in one process.
/// Flow control is the stream head's 2048-byte window (D13, D14, D15, PD11) across the network:
/// the figure is about that window over a network round trip.
/// </summary>
internal sealed class ClusterThroughputBenchmark : IBenchmark
{
    public string Name => "throughput, 4096-byte writes, manager and subsidiary on two nodes";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var pair = await SplitPair.OpenAsync(cancellation).ConfigureAwait(false);
        var block = new byte[4096];
        var stop = false;
        var writer = Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop)) await pair.Manager.WriteAsync(block).ConfigureAwait(false);
        }, cancellation);
        var buffer = new byte[64 * 1024];
        var bytesPerSecond = await context.PerSecondAsync(async deadline =>
        {
            long bytes = 0;
            do
            {
                bytes += await pair.Subsidiary.ReadAsync(buffer).ConfigureAwait(false);
            } while (!Measure.Reached(deadline));
            return bytes;
        }).ConfigureAwait(false);
        // Stop: keep reading until the writer's last write has gone in, then FLUSHW what is still
        // queued so the blocking close has nothing to drain (H3).
        Volatile.Write(ref stop, true);
        using var writerDone = new CancellationTokenSource();
        _ = writer.ContinueWith(_ => writerDone.Cancel(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            while (!writer.IsCompleted) await pair.Subsidiary.ReadAsync(buffer, writerDone.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the writer is done
        }
        await writer.ConfigureAwait(false);
        await pair.Manager.DiscardAsync(FlushFlags.FLUSHW).ConfigureAwait(false);
        context.Add("cluster_throughput_MBps_4k", bytesPerSecond / FigureUnits.BytesPerMegabyte, FigureUnits.MegabytesPerSecond, "pty_throughput_MBps_4k");
    }
}
