using System.Text.Json;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;
using Ptm.Actors.TestKit.Tests.Soak;

namespace Ptm.Actors.Cli.Tests.Soak;

/// <summary>The soak JSON's new figures (issue 16): failed calls by errno and cause, the latency distribution beside p50/p99, the timeline.</summary>
public class SoakJsonFiguresTests
{
    // Three EAGAIN writes (flow control), one EINVAL ioctl (the unknown ioctl), one EIO the manager should never see (unattributed), one ok call.
    private static TraceBuilder Trace()
    {
        var trace = new TraceBuilder().Minors(0).Session(1).Minors(1).Open(1, 1);
        var call = 1000;
        void Failed(string operation, string errno, double ms) =>
            trace.Add(new CallStarted(1, ++call, operation)).Add(new CallCompleted(1, call, TimeSpan.FromMilliseconds(ms), errno));
        for (var i = 0; i < 3; i++) Failed("write_m", "EAGAIN", 0.2);
        Failed("ioctl_m", "EINVAL", 3);
        Failed("read_m", "EIO", 30);
        return trace.Call(1, "poll_m", 3).CloseSubsidiaryAndReadEof(1, 1).CloseManager(1).TearDown(1).Minors(0);
    }

    private static JsonElement Report()
    {
        var (code, output, _) = SoakCommandLine.Run(_ => new ReplayWorkload(Trace()), CancellationToken.None, "--json", "-");
        Assert.Equal(0, code);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void Failed_calls_are_broken_down_by_errno_and_cause()
    {
        var root = Report();
        var failed = root.GetProperty("failed_calls");

        Assert.Equal(5, root.GetProperty("failed_operations").GetInt64()); // the old total stays
        Assert.Equal((5, 4, 1), (failed.GetProperty("total").GetInt64(), failed.GetProperty("expected").GetInt64(), failed.GetProperty("unattributed").GetInt64()));
        Assert.Equal(round(5.0 / 6), failed.GetProperty("share_of_operations").GetDouble());
        var flow = failed.GetProperty("by_cause").GetProperty("flow_control");
        Assert.Equal(3, flow.GetProperty("count").GetInt64());
        Assert.True(flow.GetProperty("expected").GetBoolean());
        Assert.False(flow.GetProperty("injected_fault").GetBoolean());
        Assert.False(failed.GetProperty("by_cause").GetProperty("unattributed").GetProperty("expected").GetBoolean());
        Assert.Equal(0, failed.GetProperty("by_cause").GetProperty("manager_crashed").GetProperty("count").GetInt64()); // every cause, zero included
        Assert.True(failed.GetProperty("by_cause").GetProperty("manager_crashed").GetProperty("injected_fault").GetBoolean());
        var byErrno = failed.GetProperty("by_errno").EnumerateArray().ToDictionary(e => e.GetProperty("errno").GetString()!, e => e);
        Assert.Equal(["EAGAIN", "EINVAL", "EIO"], byErrno.Keys.Order());
        Assert.Equal(1, byErrno["EIO"].GetProperty("by_cause").GetProperty("unattributed").GetInt64());
        Assert.Equal(1, byErrno["EINVAL"].GetProperty("by_cause").GetProperty("unknown_ioctl").GetInt64());

        static double round(double value) => Math.Round(value, 4);
    }

    [Fact]
    public void The_latency_keeps_p50_and_p99_and_adds_the_rest_and_the_distribution()
    {
        var latency = Report().GetProperty("latency_ms");

        Assert.Equal(0.2, latency.GetProperty("p50").GetDouble(), 2); // 0.2, 0.2, 0.2 | 3, 3, 30
        Assert.Equal(30, latency.GetProperty("p99").GetDouble(), 1);
        Assert.Equal(30, latency.GetProperty("max").GetDouble(), 1);
        Assert.True(latency.TryGetProperty("p90", out _));
        Assert.True(latency.TryGetProperty("p999", out _));
        var bars = latency.GetProperty("distribution").EnumerateArray().Select(b => (b.GetProperty("le_ms").GetDouble(), b.GetProperty("count").GetInt64())).ToList();
        Assert.Equal((0.25, 3L), bars[0]);
        Assert.Equal(6, bars.Sum(b => b.Item2));
    }

    [Fact]
    public void The_timeline_is_in_the_json_within_its_bound()
    {
        var timeline = Report().GetProperty("timeline");

        Assert.True(timeline.GetProperty("bucket_s").GetDouble() > 0);
        var buckets = timeline.GetProperty("buckets").EnumerateArray().ToList();
        Assert.InRange(buckets.Count, 1, SoakTimeline.Capacity);
        Assert.Equal(1, buckets.Max(b => b.GetProperty("peak_live").GetInt32()));
        Assert.Equal(5, buckets.Sum(b => b.GetProperty("failed_calls").GetInt64()));
        Assert.Equal(1, buckets.Sum(b => b.GetProperty("unattributed").GetInt64()));
    }
}
