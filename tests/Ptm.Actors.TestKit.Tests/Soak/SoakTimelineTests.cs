using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;


namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>The timeline of live sessions, faults and failed calls (issue 16) stays within a fixed number of buckets however long the run.</summary>
public class SoakTimelineTests
{
    private static readonly TimeSpan Width = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void A_short_run_has_one_bucket_per_width()
    {
        var timeline = new SoakTimeline(Width);
        timeline.Live(TimeSpan.FromMilliseconds(50), 3);
        timeline.Fault(TimeSpan.FromMilliseconds(150));
        timeline.FailedCall(TimeSpan.FromMilliseconds(250), expected: true);
        timeline.FailedCall(TimeSpan.FromMilliseconds(260), expected: false);

        var series = timeline.Snapshot(TimeSpan.FromMilliseconds(399));

        Assert.Equal(Width, series.BucketWidth);
        Assert.Equal([3, 3, 3, 3], series.Buckets.Select(b => b.PeakLive)); // live carries over buckets with no change
        Assert.Equal([0L, 1, 0, 0], series.Buckets.Select(b => b.Faults));
        Assert.Equal([0L, 0, 2, 0], series.Buckets.Select(b => b.FailedCalls));
        Assert.Equal([0L, 0, 1, 0], series.Buckets.Select(b => b.Unattributed));
    }

    [Fact]
    public void A_long_run_merges_buckets_keeping_peaks_and_totals()
    {
        var timeline = new SoakTimeline(Width);
        var random = new Random(5);
        long faults = 0;
        var peak = 0;
        // A week in 10 s steps: 60,480 samples into at most 64 buckets.
        for (var at = TimeSpan.Zero; at < TimeSpan.FromDays(7); at += TimeSpan.FromSeconds(10))
        {
            var live = random.Next(0, 1000);
            peak = Math.Max(peak, live);
            timeline.Live(at, live);
            timeline.Fault(at);
            faults++;
        }

        var series = timeline.Snapshot(TimeSpan.FromDays(7));

        Assert.InRange(series.Buckets.Count, SoakTimeline.Capacity / 2, SoakTimeline.Capacity);
        Assert.True(series.BucketWidth * series.Buckets.Count >= TimeSpan.FromDays(7));
        Assert.Equal(faults, series.Buckets.Sum(b => b.Faults));
        Assert.Equal(peak, series.Buckets.Max(b => b.PeakLive));
        Assert.Equal(series.Buckets.Select((_, i) => series.BucketWidth * i), series.Buckets.Select(b => b.Start));
    }

    [Fact]
    public void The_statistics_draw_the_timeline_on_the_systems_time_once_the_workload_tells_it()
    {
        // The wall clock says an hour has passed; the system's (virtual) time says 250 ms.
        var statistics = new SoakStatistics(() => TimeSpan.FromHours(1));
        statistics.Observe(new TimePassed(TimeSpan.FromMilliseconds(250)));
        statistics.Observe(new SessionStarted(1, 1));
        statistics.Observe(new FaultInjected(FaultKind.SlowReader, 1));

        var series = statistics.Timeline;

        Assert.Equal(TimeSpan.FromMilliseconds(100), series.BucketWidth);
        Assert.Equal([0, 0, 1], series.Buckets.Select(b => b.PeakLive));
        Assert.Equal([0L, 0, 1], series.Buckets.Select(b => b.Faults));
    }
}
