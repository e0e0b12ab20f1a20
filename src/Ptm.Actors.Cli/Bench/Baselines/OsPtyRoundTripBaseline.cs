using Ptm.Actors.Cli.Bench.Os;

namespace Ptm.Actors.Cli.Bench.Baselines;

/// <summary>
/// os_pty_round_trips_per_s: one byte manager -> subsidiary, echoed subsidiary -> manager by a
/// dedicated thread, one byte in flight. Raw mode, so the byte is delivered at once and the
/// line discipline neither echoes nor translates it.
/// </summary>
internal sealed class OsPtyRoundTripBaseline(Func<OsPtyAvailability>? probe = null)
    : OsPtyBaseline(BaselineMap.OsPtyRoundTrips, probe)
{
    public override string Name => "kernel pty one-byte round trips (baseline)";

    protected override string Unit => FigureUnits.PerSecond;

    protected override double MeasureOn(BenchContext context)
    {
        using var pair = OsPtyPair.Open();
        pair.MakeSubsidiaryRaw();
        var oneByte = new byte[1];
        return MeasureExchange(context, pair, "os-pty subsidiary echo", Echo, trip =>
        {
            oneByte[0] = (byte)trip;
            if (!OsPtyPair.WriteAll(pair.Manager, oneByte)) throw new InvalidOperationException("the subsidiary hung up mid-run");
            if (OsPtyPair.ReadSome(pair.Manager, oneByte) != 1) throw new InvalidOperationException("no echo from the subsidiary");
            if (oneByte[0] != (byte)trip) throw new InvalidOperationException($"echo {oneByte[0]} for byte {(byte)trip}");
        });
    }

    private static void Echo(int subsidiary)
    {
        var buffer = new byte[1];
        int n;
        while ((n = OsPtyPair.ReadSome(subsidiary, buffer)) > 0)
            if (!OsPtyPair.WriteAll(subsidiary, buffer.AsSpan(0, n))) return;
    }
}
