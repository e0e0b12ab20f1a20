using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// The bench's closing picture: one bar per figure that has a baseline measured in the same
/// run, its length the ratio to that baseline (the target every such figure is held to is
/// the baseline itself, 1x), green at or above it, red below. The ratios span three orders of
/// magnitude (2.6x open/close next to 215x round trips), so the scale is logarithmic, or the
/// small ones would be no bar at all; each bar is labelled with its real ratio.
/// </summary>
internal static class BenchRatioChart
{
    /// <summary>The chart, or null when no figure has a measured baseline.</summary>
    public static IRenderable? Render(BenchReport report, int width = 100)
    {
        var ratios = Ratios(report);
        if (ratios.Count == 0) return null;
        var floor = Floor(ratios);
        var chart = new BarChart()
            .Width(width)
            .Label("[bold]ratio to the same-run baseline[/] (log scale, target 1x)")
            .UseValueFormatter((value, _) => ReportRows.FormatRatio(floor * Math.Pow(10, value)));
        chart.AddItem("baseline (target)", Math.Log10(1 / floor), Color.Grey);
        foreach (var (label, ratio) in ratios)
            chart.AddItem(label, Math.Log10(ratio / floor), ratio >= 1 ? Color.Green : Color.Red);
        return chart;
    }

    /// <summary>Each figure with a measured baseline, and its ratio to it (the HTML report draws the same).</summary>
    public static IReadOnlyList<(string Label, double Ratio)> Ratios(BenchReport report)
    {
        var ratios = new List<(string Label, double Ratio)>();
        foreach (var figure in report.Figures)
            if (report.RatioOf(figure) is { } ratio && ratio > 0)
                ratios.Add((figure.Key, ratio));
        return ratios;
    }

    /// <summary>
    /// The bar of ratio r is log10(r / floor) long, floor a tenth of the smallest ratio (and at
    /// most 0.1x), so every bar shows and 1x stands where parity is on the same scale.
    /// </summary>
    public static double Floor(IReadOnlyList<(string Label, double Ratio)> ratios) => Math.Min(0.1, ratios.Min(r => r.Ratio) / 10);
}
