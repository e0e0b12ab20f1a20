using Spectre.Console;
using Spectre.Console.Rendering;
using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.Cli.Reports;

/// <summary>
/// The soak report's pictures on the console: the failed calls by errno and cause (anything no
/// rule explains in red), the latency distribution as bars, and a timeline of live sessions,
/// faults and failed calls.
/// </summary>
internal static class SoakCharts
{
    private const string Blocks = " ▁▂▃▄▅▆▇█";

    public static IRenderable Render(SoakReport report, int width = 100)
    {
        var parts = new List<IRenderable> { FailedCallsTable(report) };
        if (LatencyChart(report, width) is { } latency) parts.Add(latency);
        if (TimelineChart(report) is { } timeline) parts.Add(timeline);
        return new Rows(parts);
    }

    /// <summary>One row per errno and cause, with its share of all operations; unattributed rows in red.</summary>
    public static IRenderable FailedCallsTable(SoakReport report)
    {
        var calls = report.FailedCalls;
        var table = new Table()
            .Title($"failed calls: {ChartText.Count(calls.Total)} of {ChartText.Count(report.Operations)} ({ChartText.Share(calls.Total, report.Operations)}), {Summary(calls)}")
            .AddColumn("errno").AddColumn("cause").AddColumn(new TableColumn("calls").RightAligned()).AddColumn(new TableColumn("of all calls").RightAligned()).AddColumn("why");
        foreach (var row in calls.Rows)
        {
            var style = row.Expected ? Style.Plain : new Style(Color.Red, decoration: Decoration.Bold);
            table.AddRow(
                new Text(row.Errno, style),
                new Text(FailureCauses.Name(row.Cause) + (row.Expected ? "" : " (unexpected)"), style),
                new Text(ChartText.Count(row.Count), style),
                new Text(ChartText.Share(row.Count, report.Operations), style),
                new Text(FailureCauses.Explanation(row.Cause), style));
        }
        if (calls.Rows.Count == 0) table.AddRow("-", "-", "0", "0%", "no call returned an error");
        return table;
    }

    /// <summary>"all expected", or how many no rule explains.</summary>
    public static string Summary(FailedCalls calls) =>
        calls.Unattributed == 0 ? "all expected by the workload" : $"{ChartText.Count(calls.Unattributed)} unattributed (not expected), {ChartText.Count(calls.Expected)} expected";

    /// <summary>Calls per latency bar; null when no call completed.</summary>
    public static IRenderable? LatencyChart(SoakReport report, int width = 100)
    {
        if (report.LatencyDistribution.Count == 0) return null;
        var chart = new BarChart()
            .Width(width)
            .Label($"[bold]call latency[/] (calls per bar; p50 {ChartText.Duration(report.LatencyP50)}, p99 {ChartText.Duration(report.LatencyP99)}, max {ChartText.Duration(report.LatencyMax)})")
            .UseValueFormatter((value, _) => ChartText.Count((long)value));
        foreach (var (label, count) in ChartText.LatencyBars(report.LatencyDistribution))
            chart.AddItem(label, count, Color.Aqua);
        return chart;
    }

    /// <summary>Live sessions, faults and failed calls per bucket as rows of block characters; null for an empty timeline.</summary>
    public static IRenderable? TimelineChart(SoakReport report)
    {
        var series = report.Timeline;
        if (series.Buckets.Count == 0) return null;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().NoWrap());
        AddRow(grid, "live sessions", series.Buckets.Select(b => (long)b.PeakLive).ToList(), "peak", Color.Green);
        AddRow(grid, "faults", series.Buckets.Select(b => b.Faults).ToList(), "max per bucket", Color.Yellow);
        AddRow(grid, "failed calls", series.Buckets.Select(b => b.FailedCalls).ToList(), "max per bucket", Color.Grey);
        if (series.Buckets.Any(b => b.Unattributed > 0))
            AddRow(grid, "unattributed", series.Buckets.Select(b => b.Unattributed).ToList(), "max per bucket", Color.Red);
        var end = series.BucketWidth * series.Buckets.Count;
        grid.AddRow(new Text(""), new Text("0".PadRight(Math.Max(1, series.Buckets.Count - ChartText.Duration(end).Length)) + ChartText.Duration(end)), new Text(""));
        return new Panel(grid).Header($"timeline ({ChartText.Duration(series.BucketWidth)} a column)");
    }

    private static void AddRow(Grid grid, string label, IReadOnlyList<long> values, string what, Color color)
    {
        var max = values.Count == 0 ? 0 : values.Max();
        grid.AddRow(new Text(label), new Text(Spark(values, max), new Style(color)), new Text($"{what} {ChartText.Count(max)}"));
    }

    /// <summary>One block character per value, its height the value's share of <paramref name="max"/>; a space for zero.</summary>
    public static string Spark(IReadOnlyList<long> values, long max) =>
        string.Concat(values.Select(value => value <= 0 || max <= 0 ? ' ' : Blocks[(int)Math.Clamp(Math.Ceiling(8.0 * value / max), 1, 8)]));
}
