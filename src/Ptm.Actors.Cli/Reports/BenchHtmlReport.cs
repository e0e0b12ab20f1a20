using Ptm.Actors.Cli.Bench;

namespace Ptm.Actors.Cli.Reports;

/// <summary>
/// `ptm bench --report FILE.html`: the console's ratio chart as SVG bars (log scale, the
/// baseline's 1x in grey, at or above it green, below red), then the table and its notes.
/// </summary>
internal static class BenchHtmlReport
{
    public static string Render(BenchReport report)
    {
        var page = new HtmlPage("ptm bench report");
        var ratios = BenchRatioChart.Ratios(report);
        page.Heading("Ratio to the same-run baseline");
        if (ratios.Count == 0) page.Paragraph("No figure had a baseline measured in this run.", "note");
        else
        {
            var floor = BenchRatioChart.Floor(ratios);
            page.Paragraph("Log scale; the target of every figure is its baseline, 1x.", "note");
            page.Raw(Svg.Bars("ratio to the same-run baseline (log scale, target 1x)",
            [
                new SvgBar("baseline (target)", Math.Log10(1 / floor), ReportRows.FormatRatio(1), "base"),
                .. ratios.Select(r => new SvgBar(r.Label, Math.Log10(r.Ratio / floor), ReportRows.FormatRatio(r.Ratio), r.Ratio >= 1 ? "good" : "bad")),
            ]));
        }
        page.Heading("Figures");
        var header = ReportRows.Header;
        page.Table([header.Figure, header.Value, header.Baseline, header.BaselineValue, header.Ratio],
            ReportRows.Of(report).Select(row => ((IReadOnlyList<string>)[row.Figure, row.Value, row.Baseline, row.BaselineValue, row.Ratio], false)));
        foreach (var note in ReportRows.NotesOf(report)) page.Paragraph(note, "warn");
        return page.ToString();
    }
}
