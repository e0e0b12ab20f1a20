using Ptm.Actors.TestKit.Soak.Report;


namespace Ptm.Actors.TestKit.Tests.Soak;

public class LatencyHistogramTests
{
    [Fact]
    public void An_empty_histogram_reports_zero() => Assert.Equal(TimeSpan.Zero, new LatencyHistogram().Percentile(0.99));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Percentiles_are_within_a_few_percent_of_the_sorted_sample(int seed)
    {
        var random = new Random(seed);
        var histogram = new LatencyHistogram();
        var sample = new List<long>();
        for (var i = 0; i < 20_000; i++)
        {
            // Log-uniform from 1 us to about 10 s, the spread real operation latencies have.
            var micros = (long)Math.Exp(random.NextDouble() * Math.Log(10_000_000));
            sample.Add(micros);
            histogram.Record(TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond));
        }
        sample.Sort();
        foreach (var fraction in new[] { 0.5, 0.9, 0.99, 0.999 })
        {
            var exact = sample[(int)Math.Ceiling(fraction * sample.Count) - 1];
            var estimate = histogram.Percentile(fraction).Ticks / TimeSpan.TicksPerMicrosecond;
            Assert.InRange(estimate, exact, (long)(exact * 1.035) + 1);
        }
        Assert.Equal(sample[^1], histogram.Percentile(1).Ticks / TimeSpan.TicksPerMicrosecond);
    }
}
