using Ptm.Actors.Cli.Bench.Os;

namespace Ptm.Actors.Cli.Bench.Baselines;

/// <summary>
/// os_pty_throughput_MBps_4k: the manager writes 4,096-byte blocks as fast as the kernel takes
/// them while a dedicated thread reads the raw subsidiary. Counted at the reader, so bytes
/// still buffered in the kernel when a window ends are not credited to it.
/// </summary>
internal sealed class OsPtyThroughputBaseline(Func<OsPtyAvailability>? probe = null)
    : OsPtyBaseline(BaselineMap.OsPtyThroughput4k, probe)
{
    public const int BlockSize = 4096;

    public override string Name => "kernel pty throughput, 4 KiB writes (baseline)";

    protected override string Unit => FigureUnits.MegabytesPerSecond;

    protected override double MeasureOn(BenchContext context)
    {
        using var pair = OsPtyPair.Open();
        pair.MakeSubsidiaryRaw();
        var drain = new SubsidiaryDrain(pair.Subsidiary);
        var reader = DedicatedThread.Start("os-pty subsidiary reader", drain.Run);
        var block = new byte[BlockSize];
        for (var i = 0; i < block.Length; i++) block[i] = (byte)i;
        double bytesPerSecond;
        try
        {
            bytesPerSecond = context.PerSecond(deadline =>
            {
                var before = drain.BytesRead;
                // Until the deadline, and until the reader has counted something: in a short window on a
                // loaded machine the reader thread may not have run yet, and a zero would be no figure at all.
                do
                {
                    if (!OsPtyPair.WriteAll(pair.Manager, block)) throw new InvalidOperationException("the subsidiary hung up mid-run");
                } while (!Measure.Reached(deadline) || drain.BytesRead == before);
                return drain.BytesRead - before;
            });
        }
        finally
        {
            pair.CloseManager(); // hangs up the subsidiary: the reader sees EIO and stops
            reader.Join();
        }
        return bytesPerSecond / FigureUnits.BytesPerMegabyte;
    }

    /// <summary>Reads the subsidiary until hang-up, counting bytes; the count is read across threads.</summary>
    private sealed class SubsidiaryDrain(int subsidiary)
    {
        private long _bytesRead;

        public long BytesRead => Interlocked.Read(ref _bytesRead);

        public void Run()
        {
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = OsPtyPair.ReadSome(subsidiary, buffer)) > 0)
                Interlocked.Add(ref _bytesRead, n);
        }
    }
}
