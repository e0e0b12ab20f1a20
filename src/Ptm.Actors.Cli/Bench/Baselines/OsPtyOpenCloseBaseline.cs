using Ptm.Actors.Cli.Bench.Os;

namespace Ptm.Actors.Cli.Bench.Baselines;

/// <summary>
/// os_pty_open_close_per_s: posix_openpt, grantpt, unlockpt, ptsname_r, open the
/// subsidiary, close both; the whole lifecycle of a pty the simulation's Clone actor models.
/// </summary>
internal sealed class OsPtyOpenCloseBaseline(Func<OsPtyAvailability>? probe = null)
    : OsPtyBaseline(BaselineMap.OsPtyOpenClose, probe)
{
    public override string Name => "kernel pty open/close (baseline)";

    protected override string Unit => FigureUnits.PerSecond;

    protected override double MeasureOn(BenchContext context)
    {
        var name = new byte[64];
        return context.PerSecond(deadline =>
        {
            long cycles = 0;
            do
            {
                OsPtyPair.OpenAndClose(name);
                cycles++;
            } while (!Measure.Reached(deadline));
            return cycles;
        });
    }
}
