using Ptm.Actors.Cli.Bench.Os;

namespace Ptm.Actors.Cli.Bench.Baselines;

/// <summary>
/// Shared shape of the real-kernel-pty baselines: ask the probe first; where there is no
/// usable pty, report the figure as unavailable (table note, no JSON key) instead of failing.
/// </summary>
internal abstract class OsPtyBaseline(string figureKey, Func<OsPtyAvailability>? probe) : IBenchmark
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

    /// <summary>
    /// A request-answer exchange on <paramref name="pair"/>: <paramref name="answer"/> serves the
    /// subsidiary on a dedicated thread (it returns when its read fails at the manager's close),
    /// and <paramref name="trip"/> does one exchange from the manager, counted until the deadline.
    /// </summary>
    protected static double MeasureExchange(BenchContext context, OsPtyPair pair, string threadName, Action<int> answer, Action<long> trip)
    {
        var subsidiary = pair.Subsidiary;
        var answering = DedicatedThread.Start(threadName, () => answer(subsidiary));
        try
        {
            return context.PerSecond(deadline =>
            {
                long trips = 0;
                do trip(trips++);
                while (!Measure.Reached(deadline));
                return trips;
            });
        }
        finally
        {
            pair.CloseManager(); // the answering thread's read fails EIO and it stops
            answering.Join();
        }
    }
}
