using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.TestKit.Soak;

/// <summary>
/// Soaks a workload: runs it for <see cref="SoakOptions.Duration"/> while the invariant checker
/// judges every event it reports against the rule book (nothing lost, nothing hangs, nothing
/// leaks), then returns the verdict. This is what `ptm soak` runs, without its display.
/// </summary>
public static class SoakRun
{
    /// <summary>Runs <paramref name="workload"/> and checks what it reports.</summary>
    /// <param name="workload">What to run; it reports through the sink it is handed (see <see cref="ISoakWorkload"/>).</param>
    /// <param name="options">The run's settings.</param>
    /// <param name="ct">Stops the run early; the report then says it was interrupted, and what ran is still checked.</param>
    /// <returns>The run's report.</returns>
    public static async Task<SoakResult> RunAsync(ISoakWorkload workload, SoakOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(options);
        var report = await new SoakRunner(options, workload, ISoakDisplay.None, Serilog.Core.Logger.None).RunAsync(ct).ConfigureAwait(false);
        return new SoakResult(report);
    }
}
