using System.Diagnostics;
using Ptm.Actors.Cli.Bench;

namespace Ptm.Actors.Cli.Tests.Bench;

public class MeasurementHelperTests
{
    [Fact]
    public void The_median_is_the_middle_value_or_the_mean_of_the_middle_two()
    {
        Assert.Equal(2, Measure.Median([3.0, 1.0, 2.0]));
        Assert.Equal(2.5, Measure.Median([4.0, 1.0, 3.0, 2.0]));
        Assert.Equal(7, Measure.Median([7.0]));
    }

    [Fact]
    public void A_rate_divides_the_count_by_the_window_actually_taken()
    {
        // One operation that lasts the whole 20 ms window: about 50 per second, never more.
        var rate = Measure.PerSecond(TinyTiming.Options(runs: 3), deadline =>
        {
            while (Stopwatch.GetTimestamp() < deadline) Thread.SpinWait(10);
            return 1;
        });

        Assert.InRange(rate, 10, 50.001);
    }

    [Fact]
    public void Allocation_per_operation_counts_what_the_operation_allocates()
    {
        var allocating = AllocationMeter.BytesPerOperationOnThisThread(100, static size => GC.KeepAlive(new byte[size]), 1_000);
        var free = AllocationMeter.BytesPerOperationOnThisThread(new int[1], static counter => counter[0]++, 1_000);

        Assert.InRange(allocating, 100, 160);
        Assert.Equal(0, free);
    }
}
