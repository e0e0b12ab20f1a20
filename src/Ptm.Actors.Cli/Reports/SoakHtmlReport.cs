using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.Cli.Reports;

/// <summary>
/// `ptm soak --report FILE.html`: the soak report as a page with the console's pictures: the
/// verdict and violations, the failed calls by errno and cause (unexpected ones in red), the
/// latency distribution and the timeline of live sessions, faults and failed calls.
/// </summary>
internal static class SoakHtmlReport
{
    private const int TimelineWidth = 640;
    private const int BandHeight = 60;

    public static string Render(SoakReport report)
    {
        var page = new HtmlPage($"ptm soak report, seed {report.Seed}");
        var verdict = report.TotalViolations == 0 ? "no violations" : $"{report.TotalViolations:N0} violation(s)";
        if (report.InterruptedAfter is { } after) verdict = $"interrupted after {DurationText.Format(after)}: " + verdict + (report.TotalViolations == 0 ? " in what ran" : "");
        page.Paragraph(verdict, report.TotalViolations > 0 ? "bad" : report.Interrupted ? "warn" : "good");
        page.Paragraph($"{report.Ptys:N0} ptys, {DurationText.Format(report.Elapsed)}, {report.Sessions:N0} sessions (peak {report.PeakLiveSessions:N0} live), {report.Operations:N0} calls, "
            + $"seed {report.Seed}{(report.Deterministic ? " (deterministic)" : "")}; bytes m->s {Bytes(report.ManagerToSubsidiary)}, s->m {Bytes(report.SubsidiaryToManager)}.");

        page.Heading("Violations");
        page.Table(["kind", "count", "first example"],
            report.Violations.Select(v => ((IReadOnlyList<string>)[v.Kind, ChartText.Count(v.Count), v.FirstExample ?? "-"], v.Count > 0)));

        FailedCallsSection(page, report);

        page.Heading("Call latency");
        page.Paragraph($"p50 {ChartText.Duration(report.LatencyP50)}, p90 {ChartText.Duration(report.LatencyP90)}, p99 {ChartText.Duration(report.LatencyP99)}, p99.9 {ChartText.Duration(report.LatencyP999)}, max {ChartText.Duration(report.LatencyMax)}.");
        page.Raw(Svg.Bars("calls per latency bar", [.. ChartText.LatencyBars(report.LatencyDistribution).Select(bar => new SvgBar(bar.Label, bar.Count, ChartText.Count(bar.Count)))]));

        page.Heading("Timeline");
        page.Raw(Timeline(report.Timeline));
        page.Paragraph($"Faults injected: {string.Join(", ", report.Faults.Select(f => $"{f.Key} {f.Value:N0}"))}.", "note");
        return page.ToString();
    }

    private static void FailedCallsSection(HtmlPage page, SoakReport report)
    {
        var calls = report.FailedCalls;
        page.Heading("Failed calls");
        page.Paragraph($"{ChartText.Count(calls.Total)} of {ChartText.Count(report.Operations)} calls ({ChartText.Share(calls.Total, report.Operations)}) returned an error: {SoakCharts.Summary(calls)}.",
            calls.Unattributed > 0 ? "bad" : null);
        page.Raw(Svg.Bars("failed calls by errno and cause", [.. calls.Rows.Select(row =>
            new SvgBar($"{row.Errno} {FailureCauses.Name(row.Cause)}", row.Count, ChartText.Count(row.Count), row.Expected ? "" : "bad"))]));
        page.Table(["errno", "cause", "calls", "of all calls", "why"], calls.Rows.Select(row =>
            ((IReadOnlyList<string>)[row.Errno, FailureCauses.Name(row.Cause) + (row.Expected ? "" : " (unexpected)"), ChartText.Count(row.Count), ChartText.Share(row.Count, report.Operations), FailureCauses.Explanation(row.Cause)], !row.Expected)));
    }

    /// <summary>Three bands over the run: live sessions as a line, faults and failed calls as columns (the unattributed ones red, on top).</summary>
    public static string Timeline(TimelineSeries series)
    {
        const int left = 110;
        var svg = Svg.Open("timeline of live sessions, faults and failed calls", left + TimelineWidth + 20, 3 * (BandHeight + 20) + 30);
        var buckets = series.Buckets;
        string[] labels = ["live sessions", "faults", "failed calls"];
        for (var band = 0; band < 3; band++)
        {
            var top = 10 + band * (BandHeight + 20);
            svg.Append($"<text x=\"0\" y=\"{top + BandHeight / 2}\">{labels[band]}</text>\n");
            svg.Append($"<line class=\"axis\" x1=\"{left}\" y1=\"{top + BandHeight}\" x2=\"{left + TimelineWidth}\" y2=\"{top + BandHeight}\"/>\n");
        }
        Svg.Line(svg, "live", [.. buckets.Select(b => (double)b.PeakLive)], left, 10, TimelineWidth, BandHeight);
        Svg.Columns(svg, "fault", [.. buckets.Select(b => b.Faults)], left, 10 + BandHeight + 20, TimelineWidth, BandHeight);
        Svg.Columns(svg, "failed", [.. buckets.Select(b => b.FailedCalls)], left, 10 + 2 * (BandHeight + 20), TimelineWidth, BandHeight);
        // On the failed calls' scale, so a red column shows the unattributed share of its bucket.
        Svg.Columns(svg, "unattributed", [.. buckets.Select(b => b.Unattributed)], left, 10 + 2 * (BandHeight + 20), TimelineWidth, BandHeight,
            buckets.Count == 0 ? 0 : buckets.Max(b => b.FailedCalls));
        var end = series.BucketWidth * buckets.Count;
        var bottom = 3 * (BandHeight + 20) + 22;
        svg.Append($"<text x=\"{left}\" y=\"{bottom}\">0</text><text x=\"{left + TimelineWidth}\" y=\"{bottom}\" text-anchor=\"end\">{HtmlPage.Escape(ChartText.Duration(end))}</text>\n");
        return svg.Append("</svg>").ToString();
    }

    private static string Bytes(DirectionBytes bytes) => $"{ByteSize.Format(bytes.Accepted)} accepted, {ByteSize.Format(bytes.Received)} received";
}
