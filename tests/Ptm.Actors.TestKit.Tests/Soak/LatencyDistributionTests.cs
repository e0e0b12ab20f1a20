using Ptm.Actors.TestKit.Soak.Report;


namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>The latency distribution the soak charts draw (issue 16), read from the HdrHistogram.</summary>
public class LatencyDistributionTests
{
    private static LatencyHistogram With(params (double Milliseconds, int Count)[] samples)
    {
        var histogram = new LatencyHistogram();
        foreach (var (ms, count) in samples)
            for (var i = 0; i < count; i++) histogram.Record(TimeSpan.FromMilliseconds(ms));
        return histogram;
    }

    [Fact]
    public void Each_call_lands_in_the_first_bar_whose_bound_it_does_not_exceed()
    {
        var histogram = With((0.3, 4), (0.5, 1), (3, 2), (40, 1));

        var bars = histogram.Distribution();

        Assert.Equal(
            [(0.5, 5L), (1, 0), (2.5, 0), (5, 2), (10, 0), (25, 0), (50, 1)],
            bars.Select(bar => (bar.UpperBound.TotalMilliseconds, bar.Count)));
    }

    [Fact]
    public void Calls_above_the_last_bound_fall_in_the_open_ended_bar()
    {
        var bars = With((9_000, 1), (60_000, 2)).Distribution();

        Assert.Equal(TimeSpan.MaxValue, bars[^1].UpperBound);
        Assert.Equal(2, bars[^1].Count);
        Assert.Equal(3, bars.Sum(bar => bar.Count));
    }

    [Fact]
    public void No_calls_no_bars() => Assert.Empty(new LatencyHistogram().Distribution());

    [Fact]
    public void The_percentiles_of_a_known_sample_are_exact_to_HdrHistograms_precision()
    {
        var histogram = new LatencyHistogram();
        for (var us = 1; us <= 1000; us++) histogram.Record(TimeSpan.FromTicks(us * TimeSpan.TicksPerMicrosecond));

        Assert.Equal(1000, histogram.Count);
        Assert.Equal(500, histogram.Percentile(0.5).TotalMicroseconds);
        Assert.Equal(990, histogram.Percentile(0.99).TotalMicroseconds);
        Assert.Equal(1000, histogram.Percentile(1).TotalMicroseconds);
    }
}
