using System.Globalization;
using System.Xml.Linq;
using Ptm.Actors.Cli.Reports;

namespace Ptm.Actors.Cli.Tests.Reports;

/// <summary>
/// `--report FILE.html` (issue 16): the page renders from a known report, parses as XML, draws
/// the known figures as SVG bars and points, and names nothing outside itself.
/// </summary>
public class HtmlReportTests
{
    private static XDocument Parse(string html) => XDocument.Parse(html, LoadOptions.None);

    private static IEnumerable<XElement> Svgs(XDocument page) => page.Descendants("svg");

    private static double Width(XElement group) =>
        double.Parse(group.Element("rect")!.Attribute("width")!.Value, CultureInfo.InvariantCulture);

    private static XElement Bar(XElement svg, string label) =>
        svg.Elements("g").Single(g => g.Attribute("data-label")?.Value == label);

    private static XElement SvgTitled(XDocument page, string title) =>
        Svgs(page).Single(svg => svg.Attribute("aria-label")!.Value == title);

    [Theory]
    [InlineData("soak")]
    [InlineData("bench")]
    public void The_page_is_self_contained(string which)
    {
        var html = which == "soak" ? SoakHtmlReport.Render(KnownReports.Soak()) : BenchHtmlReport.Render(KnownReports.Bench());

        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        var page = Parse(html);
        Assert.Equal("html", page.Root!.Name.LocalName);
        Assert.NotEmpty(page.Descendants("style"));
        Assert.NotEmpty(Svgs(page));
    }

    [Fact]
    public void The_soak_page_draws_the_latency_distribution_bar_for_bar()
    {
        var svg = SvgTitled(Parse(SoakHtmlReport.Render(KnownReports.Soak())), "calls per latency bar");

        Assert.Equal(["≤ 1 ms", "≤ 2.5 ms", "≤ 5 ms", "≤ 100 ms"], svg.Elements("g").Select(g => g.Attribute("data-label")!.Value));
        Assert.Equal(["300", "600", "0", "100"], svg.Elements("g").Select(g => g.Attribute("data-value")!.Value));
        // Widths are proportional to the counts: the longest (600) fills the plot.
        Assert.Equal(0.5, Width(Bar(svg, "≤ 1 ms")) / Width(Bar(svg, "≤ 2.5 ms")), 2);
        Assert.Equal(0, Width(Bar(svg, "≤ 5 ms")));
    }

    [Fact]
    public void The_soak_page_shows_each_errno_and_cause_with_the_unexpected_in_red()
    {
        var page = Parse(SoakHtmlReport.Render(KnownReports.Soak()));
        var svg = SvgTitled(page, "failed calls by errno and cause");

        Assert.Equal("60", Bar(svg, "EAGAIN flow_control").Attribute("data-value")!.Value);
        Assert.Equal("30", Bar(svg, "EINVAL unknown_ioctl").Attribute("data-value")!.Value);
        Assert.Equal("bar bad", Bar(svg, "EINTR unattributed").Element("rect")!.Attribute("class")!.Value);
        Assert.Equal("bar ", Bar(svg, "EAGAIN flow_control").Element("rect")!.Attribute("class")!.Value);
        var badRows = page.Descendants("tr").Where(tr => tr.Attribute("class")?.Value == "bad").Select(tr => tr.Elements("td").First().Value).ToList();
        Assert.Contains("EINTR", badRows);
        Assert.Contains("data_loss", badRows); // the violation
        Assert.Contains(page.Descendants("p"), p => p.Attribute("class")?.Value == "bad" && p.Value.Contains("10 unattributed (not expected)"));
    }

    [Fact]
    public void The_soak_page_with_nothing_unexpected_marks_nothing_red_in_the_failed_calls()
    {
        var page = Parse(SoakHtmlReport.Render(KnownReports.Soak(unattributed: 0)));

        Assert.DoesNotContain(SvgTitled(page, "failed calls by errno and cause").Descendants("rect"), r => r.Attribute("class")!.Value.Contains("bad"));
        Assert.Contains(page.Descendants("p"), p => p.Value.Contains("all expected by the workload"));
    }

    [Fact]
    public void The_soak_timeline_has_a_point_per_bucket_and_a_column_per_bucket_with_faults()
    {
        var svg = SvgTitled(Parse(SoakHtmlReport.Render(KnownReports.Soak())), "timeline of live sessions, faults and failed calls");

        var live = svg.Elements("polyline").Single(p => p.Attribute("class")!.Value == "live");
        Assert.Equal("4,12,8,0", live.Attribute("data-values")!.Value);
        var points = live.Attribute("points")!.Value.Split(' ').Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, points.Count);
        Assert.Equal(points.Min(), points[1]); // the peak is highest on the page (smallest y)
        Assert.Equal(["1:2", "2:1"], Columns(svg, "fault"));
        Assert.Equal(["0:10", "1:40", "2:30", "3:20"], Columns(svg, "failed"));
        Assert.Equal(["1:5", "2:5"], Columns(svg, "unattributed"));
    }

    private static List<string> Columns(XElement svg, string cssClass) =>
        [.. svg.Elements("rect").Where(r => r.Attribute("class")!.Value == cssClass).Select(r => $"{r.Attribute("data-index")!.Value}:{r.Attribute("data-value")!.Value}")];

    [Fact]
    public void The_bench_page_draws_each_ratio_against_the_baseline_on_a_log_scale()
    {
        var page = Parse(BenchHtmlReport.Render(KnownReports.Bench()));
        var svg = SvgTitled(page, "ratio to the same-run baseline (log scale, target 1x)");

        var fast = Bar(svg, "pingpong_round_trips_per_s");
        var slow = Bar(svg, "pty_open_close_per_s");
        var target = Bar(svg, "baseline (target)");
        Assert.Equal(("4.00x", "bar good"), (fast.Attribute("data-value")!.Value, fast.Element("rect")!.Attribute("class")!.Value));
        Assert.Equal(("0.50x", "bar bad"), (slow.Attribute("data-value")!.Value, slow.Element("rect")!.Attribute("class")!.Value));
        Assert.Equal("1.00x", target.Attribute("data-value")!.Value);
        // Floor 0.05x: log10(4/0.05) : log10(1/0.05) : log10(0.5/0.05).
        Assert.Equal(Math.Log10(80) / Math.Log10(20), Width(fast) / Width(target), 2);
        Assert.Equal(Math.Log10(10) / Math.Log10(20), Width(slow) / Width(target), 2);
        Assert.DoesNotContain(svg.Elements("g"), g => g.Attribute("data-label")!.Value == "pty_throughput_MBps_4k");
        Assert.Contains(page.Descendants("td"), td => td.Value == "pty_throughput_MBps_4k"); // in the table, without a bar
    }

    [Fact]
    public void Text_from_the_report_is_escaped()
    {
        var html = SoakHtmlReport.Render(KnownReports.Soak());

        Assert.Contains("&lt;lost&gt; &amp; gone", html);
        Assert.Contains(Parse(html).Descendants("td"), td => td.Value == "session 3: 5 bytes <lost> & gone");
    }
}
