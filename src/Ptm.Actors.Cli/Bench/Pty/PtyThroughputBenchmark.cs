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
        var writer = Task.Run(async () =>
        {
            while (true)
            {
                var written = await posix.Write(pair.Manager, block).ConfigureAwait(false);
                if (!written.IsOk) return; // the manager was closed at the end of the run
            }
        }, cancellation);
        var buffer = new byte[readSize];
        var bytesPerSecond = await context.PerSecondAsync(async deadline =>
        {
            long bytes = 0;
            do
            {
                bytes += (await posix.Read(pair.Subsidiary, buffer).ConfigureAwait(false)).ValueOrThrow("read");
            } while (!Measure.Reached(deadline));
            return bytes;
        }).ConfigureAwait(false);
        await posix.Close(pair.Manager).ConfigureAwait(false);
        await writer.ConfigureAwait(false);
        context.Add(key, bytesPerSecond / FigureUnits.BytesPerMegabyte, FigureUnits.MegabytesPerSecond, baselineKey);
    }
}
