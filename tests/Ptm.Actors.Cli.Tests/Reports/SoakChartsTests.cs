using Ptm.Actors.Cli.Commands;
using Ptm.Actors.Cli.Reports;
using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.Cli.Tests.Reports;

/// <summary>The soak's pictures on the console (issue 16): failed calls by errno and cause, latency bars, the timeline.</summary>
public class SoakChartsTests
{
    private static string Plain(SoakReport report)
    {
        var output = new StringWriter();
        PlainConsole.For(output, 140).Write(SoakCharts.Render(report));
        return output.ToString();
    }

    private static string LineOf(string text, string start) =>
        text.Split('\n').Select(l => l.Trim('│', ' ', '\r')).Single(l => l.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void The_failed_calls_table_gives_each_errno_its_cause_and_share_and_flags_the_unattributed()
    {
        var text = Plain(KnownReports.Soak());

        Assert.Contains("failed calls: 100 of 1,000 (10%), 10 unattributed (not expected), 90 expected", text);
        Assert.Matches(@"EAGAIN\s+│\s+flow_control\s+│\s+60\s+│\s+6%", LineOf(text, "EAGAIN"));
        Assert.Matches(@"EINTR\s+│\s+unattributed \(unexpected\)\s+│\s+10\s+│\s+1%", LineOf(text, "EINTR"));
    }

    [Fact]
    public void With_nothing_unattributed_the_title_says_all_are_expected()
    {
        var text = Plain(KnownReports.Soak(unattributed: 0));

        Assert.Contains("failed calls: 90 of 1,000 (9%), all expected by the workload", text);
        Assert.DoesNotContain("unexpected", text);
    }

    [Fact]
    public void The_latency_chart_has_a_bar_per_bucket_longest_for_the_most_calls()
    {
        var text = Plain(KnownReports.Soak());

        var blocks = new[] { "≤ 1 ms", "≤ 2.5 ms", "≤ 100 ms" }.Select(label => LineOf(text, label).Count(c => c == '█')).ToList();
        Assert.True(blocks[1] > blocks[0] && blocks[0] > blocks[2], string.Join(",", blocks));
        Assert.Contains("600", LineOf(text, "≤ 2.5 ms"));
    }

    [Fact]
    public void The_timeline_draws_one_column_per_bucket_scaled_to_its_row()
    {
        var text = Plain(KnownReports.Soak());

        Assert.Contains("timeline (500 ms a column)", text);
        // Four buckets, the last with nothing live: a blank column before the grid's gap.
        Assert.Matches(@"^live sessions\s+▃█▆ \s+peak 12$", LineOf(text, "live sessions"));
        Assert.Matches(@"^faults\s+ █▄ \s+max per bucket 2$", LineOf(text, "faults"));
        Assert.Matches(@"^unattributed\s+ ██ \s+max per bucket 5$", LineOf(text, "unattributed"));
    }

    [Fact]
    public void A_sparkline_is_blank_for_zero_and_full_for_the_maximum() =>
        Assert.Equal(" ▁▄█", SoakCharts.Spark([0, 1, 4, 8], 8));
}
