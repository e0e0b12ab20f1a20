using System.Diagnostics;

namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// Runs operations until <see cref="Stopwatch.GetTimestamp"/> reaches <paramref name="deadline"/>
/// and returns how many it did (bytes, for a throughput). Do at least one; check the clock
/// after each; allocate nothing inside the loop.
/// </summary>
internal delegate long TimedLoop(long deadline);

/// <summary>The asynchronous form of <see cref="TimedLoop"/>.</summary>
internal delegate ValueTask<long> AsyncTimedLoop(long deadline);

/// <summary>
/// Warm-up, then a fixed wall-clock window repeated <see cref="BenchOptions.Runs"/> times;
/// the figure is the median rate. The count is divided by the window as actually measured
/// around the loop, so a loop that overruns its deadline is not flattered.
/// </summary>
internal static class Measure
{
    public static double PerSecond(BenchOptions options, TimedLoop loop)
    {
        if (options.WarmUp > TimeSpan.Zero) RateOf(loop, options.WarmUp);
        var rates = new double[options.Runs];
        for (var run = 0; run < rates.Length; run++)
        {
            Quiesce();
            rates[run] = RateOf(loop, options.Window);
        }
        return Median(rates);
    }

    public static async Task<double> PerSecondAsync(BenchOptions options, AsyncTimedLoop loop)
    {
        if (options.WarmUp > TimeSpan.Zero) await RateOfAsync(loop, options.WarmUp).ConfigureAwait(false);
        var rates = new double[options.Runs];
        for (var run = 0; run < rates.Length; run++)
        {
            Quiesce();
            rates[run] = await RateOfAsync(loop, options.Window).ConfigureAwait(false);
        }
        return Median(rates);
    }

    /// <summary>
    /// For work that comes in fixed batches (stop 100,000 watched actors): each batch is
    /// prepared outside the timing, then <paramref name="run"/> is timed and returns how many
    /// operations it did. One warm-up batch when warm-up is on, then <see cref="BenchOptions.Runs"/>
    /// timed batches; the figure is the median rate.
    /// </summary>
    public static async Task<double> PerSecondOfBatchesAsync<TBatch>(
        BenchOptions options, Func<ValueTask<TBatch>> prepare, Func<TBatch, ValueTask<long>> run)
    {
        if (options.WarmUp > TimeSpan.Zero) await run(await prepare().ConfigureAwait(false)).ConfigureAwait(false);
        var rates = new double[options.Runs];
        for (var i = 0; i < rates.Length; i++)
        {
            var batch = await prepare().ConfigureAwait(false);
            Quiesce();
            var start = Stopwatch.GetTimestamp();
            var count = await run(batch).ConfigureAwait(false);
            rates[i] = count / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        return Median(rates);
    }

    /// <summary>True once the clock has reached <paramref name="deadline"/>; for loop conditions.</summary>
    public static bool Reached(long deadline) => Stopwatch.GetTimestamp() >= deadline;

    /// <summary>The median (mean of the middle two for an even count); the input is not changed.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) throw new ArgumentException("no values", nameof(values));
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double RateOf(TimedLoop loop, TimeSpan window)
    {
        var start = Stopwatch.GetTimestamp();
        var count = loop(start + Ticks(window));
        return count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static async Task<double> RateOfAsync(AsyncTimedLoop loop, TimeSpan window)
    {
        var start = Stopwatch.GetTimestamp();
        var count = await loop(start + Ticks(window)).ConfigureAwait(false);
        return count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static long Ticks(TimeSpan window) => (long)(window.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Garbage from the previous window should not be collected inside the next one.</summary>
    private static void Quiesce()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
