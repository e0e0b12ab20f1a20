using Ptm.Actors.Cli.Bench.Os;

namespace Ptm.Actors.Cli.Bench.Baselines;

/// <summary>
/// Shared shape of the real-kernel-pty baselines: ask the probe first; where there is no
/// usable pty, report the figure as unavailable (table note, no JSON key) instead of failing.
/// </summary>
public abstract class OsPtyBaseline(string figureKey, Func<OsPtyAvailability>? probe) : IBenchmark
{
    private readonly Func<OsPtyAvailability> _probe = probe ?? (() => OsPtyProbe.Cached);

    public string FigureKey { get; } = figureKey;

    public abstract string Name { get; }

    public Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var availability = _probe();
        if (!availability.IsAvailable)
        {
            context.Unavailable(FigureKey, availability.Reason);
            return Task.CompletedTask;
        }
        // Blocking system calls throughout: run on the caller's thread, readers on their own.
        context.Add(FigureKey, MeasureOn(context), Unit);
        return Task.CompletedTask;
    }

    protected abstract string Unit { get; }

    protected abstract double MeasureOn(BenchContext context);
}
