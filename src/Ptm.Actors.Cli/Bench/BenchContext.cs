namespace Ptm.Actors.Cli.Bench;

/// <summary>What a running benchmark sees: its suite, the timing options, and where figures go.</summary>
internal sealed class BenchContext(string suite, BenchOptions options, BenchReport report)
{
    public string Suite { get; } = suite;
    public BenchOptions Options { get; } = options;

    public void Add(Figure figure) => report.Add(Suite, figure);

    public void Add(string key, double value, string unit, string? baselineKey = null) =>
        Add(new Figure(key, value, unit, baselineKey));

    /// <summary>
    /// The figure could not be measured on this machine (e.g. no kernel pty). The table
    /// says so with the reason; the JSON leaves the key out.
    /// </summary>
    public void Unavailable(string key, string reason) => report.AddUnavailable(Suite, key, reason);

    /// <summary>Median operations per second of <paramref name="loop"/> under these options.</summary>
    public double PerSecond(TimedLoop loop) => Measure.PerSecond(Options, loop);

    public Task<double> PerSecondAsync(AsyncTimedLoop loop) => Measure.PerSecondAsync(Options, loop);

    /// <summary>Median rate of fixed-size batches whose untimed preparation precedes each timed run.</summary>
    public Task<double> PerSecondOfBatchesAsync<TBatch>(Func<ValueTask<TBatch>> prepare, Func<TBatch, ValueTask<long>> run) =>
        Measure.PerSecondOfBatchesAsync(Options, prepare, run);
}
