namespace Ptm.Actors.Cli.Bench.Pty;

/// <summary>
/// Manager-to-subsidiary throughput with full semantics: blocking writes of <c>writeSize</c>
/// bytes (cut into 512-byte messages, D18, held by flow control, D13, D14, D15) while a reader takes
/// the subsidiary side in reads of <c>readSize</c> bytes. Counted at the reader.
/// </summary>
internal sealed class PtyThroughputBenchmark(string key, int writeSize, int readSize, string? baselineKey = null) : IBenchmark
{
    public string Name => $"pty throughput, {writeSize}-byte writes, {readSize}-byte reads";

    public async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var system = PtySystem.Create();
        var posix = system.Posix;
        var pair = await SimPair.OpenAsync(posix).ConfigureAwait(false);
        var block = new byte[writeSize];
        for (var i = 0; i < block.Length; i++) block[i] = (byte)i;
        var stop = false;
        var writer = Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop))
            {
                var written = await posix.WriteAsync(pair.Manager, block).ConfigureAwait(false);
                if (!written.IsOk) return;
            }
        }, cancellation);
        var buffer = new byte[readSize];
        var bytesPerSecond = await context.PerSecondAsync(async deadline =>
        {
            long bytes = 0;
            do
            {
                bytes += (await posix.ReadAsync(pair.Subsidiary, buffer).ConfigureAwait(false)).ValueOrThrow("read");
            } while (!Measure.Reached(deadline));
            return bytes;
        }).ConfigureAwait(false);
        await StopAsync(posix, pair, writer, () => Volatile.Write(ref stop, true), buffer).ConfigureAwait(false);
        context.Add(key, bytesPerSecond / FigureUnits.BytesPerMegabyte, FigureUnits.MegabytesPerSecond, baselineKey);
    }

    /// <summary>
    /// Ends the run without a 15 s close: the reader keeps reading until the writer's last write
    /// has gone in, then FLUSHW drops what is still queued, so the blocking close has nothing to
    /// drain (H3). Stopping the writer with a cancellation token instead would cost every write a
    /// registration, which is not what the figure measures.
    /// </summary>
    private static async Task StopAsync(PosixApi posix, SimPair pair, Task writer, Action stopWriter, byte[] buffer)
    {
        stopWriter();
        using var writerDone = new CancellationTokenSource();
        _ = writer.ContinueWith(_ => writerDone.Cancel(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (!writer.IsCompleted) await posix.ReadAsync(pair.Subsidiary, buffer, cancellationToken: writerDone.Token).ConfigureAwait(false); // EINTR once it is done
        await writer.ConfigureAwait(false);
        await posix.DiscardAsync(pair.Manager, FlushFlags.FLUSHW).ConfigureAwait(false);
        await posix.CloseAsync(pair.Manager).ConfigureAwait(false);
    }
}
