using System.Globalization;

namespace Ptm.Actors.Cli.Bench;

/// <summary>One table line: figure, value, baseline, baseline value, ratio, all as text.</summary>
internal sealed record ReportRow(string Figure, string Value, string Baseline, string BaselineValue, string Ratio);

/// <summary>
/// Turns a report into what both table renderers print: the header, one row per figure
/// (measured or unavailable), and notes (why unavailable, what failed, empty suites).
/// </summary>
internal static class ReportRows
{
    public static readonly ReportRow Header = new("figure", "value", "baseline", "value", "ratio");

    private const string Missing = "-";

    public static IReadOnlyList<ReportRow> Of(BenchReport report)
    {
        var rows = new List<ReportRow>();
        foreach (var figure in report.Figures)
        {
            var baselineKey = BaselineMap.For(figure);
            var baseline = report.BaselineOf(figure);
            var baselineValue = baseline is not null ? FormatValue(baseline.Value, baseline.Unit)
                : baselineKey is not null && report.IsUnavailable(baselineKey) ? "unavailable"
                : baselineKey is not null ? "not run"
                : "";
            rows.Add(new ReportRow(
                figure.Key,
                FormatValue(figure.Value, figure.Unit),
                baselineKey ?? "",
                baselineValue,
                report.RatioOf(figure) is { } ratio ? FormatRatio(ratio) : baselineKey is null ? "" : Missing));
        }
        foreach (var unavailable in report.Unavailable)
            rows.Add(new ReportRow(unavailable.Key, "unavailable", "", "", ""));
        return rows;
    }

    public static IReadOnlyList<string> NotesOf(BenchReport report)
    {
        var notes = new List<string>();
        var reasons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unavailable in report.Unavailable)
            if (reasons.Add($"{unavailable.Suite}: {unavailable.Reason}"))
                notes.Add($"{unavailable.Suite}: unavailable here: {unavailable.Reason}");
        foreach (var failure in report.Failures)
            notes.Add($"{failure.Suite}: {failure.Benchmark} FAILED: {failure.Message}");
        foreach (var suite in report.EmptySuites)
            notes.Add($"{suite}: no figures registered yet");
        return notes;
    }

    public static string FormatValue(double value, string unit)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude >= 1000 ? "N0" : magnitude >= 10 ? "N1" : "N2";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + unit;
    }

    public static string FormatRatio(double ratio) =>
        (Math.Abs(ratio) >= 0.01 ? ratio.ToString("N2", CultureInfo.InvariantCulture) : ratio.ToString("G2", CultureInfo.InvariantCulture)) + "x";
}
