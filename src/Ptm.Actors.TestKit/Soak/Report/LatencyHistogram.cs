using HdrHistogram;

namespace Ptm.Actors.TestKit.Soak.Report;

/// <summary>One bar of the latency distribution: the calls that took at most UpperBound (and more than the bar before).</summary>
internal sealed record LatencyBucket(TimeSpan UpperBound, long Count);

/// <summary>
/// Call latencies in microseconds in an HdrHistogram: three significant digits from 1 us to 8
/// days (longer than any soak), so a percentile is within 0.1% of the true sample, rounded up to
/// its bucket's top and never above the largest sample. Not thread-safe: the sink serialises.
/// </summary>
internal sealed class LatencyHistogram
{
    private static readonly long HighestMicroseconds = (long)TimeSpan.FromDays(8).TotalMicroseconds;

    /// <summary>The distribution's bar edges: 1-2.5-5 steps from 100 us to 10 s, then everything above.</summary>
    public static readonly IReadOnlyList<TimeSpan> BucketBounds =
        [.. new[] { 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000 }.Select(TimeSpan.FromMilliseconds), TimeSpan.MaxValue];

    private readonly LongHistogram _histogram = new(HighestMicroseconds, 3);

    public long Count => _histogram.TotalCount;
    public long MaxMicroseconds { get; private set; }

    public void Record(TimeSpan latency)
    {
        var micros = Math.Clamp(latency.Ticks / TimeSpan.TicksPerMicrosecond, 0, HighestMicroseconds);
        _histogram.RecordValue(micros);
        if (micros > MaxMicroseconds) MaxMicroseconds = micros;
    }

    /// <summary>The latency below which the given fraction (0..1] of samples fall; zero when empty.</summary>
    public TimeSpan Percentile(double fraction)
    {
        if (Count == 0) return TimeSpan.Zero;
        var micros = _histogram.GetValueAtPercentile(Math.Clamp(fraction, 0, 1) * 100);
        return TimeSpan.FromTicks(Math.Min(micros, MaxMicroseconds) * TimeSpan.TicksPerMicrosecond);
    }

    /// <summary>The calls per bar of <see cref="BucketBounds"/>, from the first bar with calls to the last (empty when no call was recorded).</summary>
    public IReadOnlyList<LatencyBucket> Distribution()
    {
        var counts = new long[BucketBounds.Count];
        foreach (var value in _histogram.RecordedValues())
        {
            // Every sample in an HdrHistogram bucket is at most its top, ValueIteratedTo: bin by that.
            var micros = Math.Min(value.ValueIteratedTo, MaxMicroseconds);
            var bar = 0;
            while (BucketBounds[bar] != TimeSpan.MaxValue && micros > BucketBounds[bar].Ticks / TimeSpan.TicksPerMicrosecond) bar++;
            counts[bar] += value.CountAddedInThisIterationStep;
        }
        var first = Array.FindIndex(counts, count => count > 0);
        if (first < 0) return [];
        var last = Array.FindLastIndex(counts, count => count > 0);
        return [.. Enumerable.Range(first, last - first + 1).Select(bar => new LatencyBucket(BucketBounds[bar], counts[bar]))];
    }
}
