using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// The bench report as JSON (`ptm bench --json FILE|-`): every measured figure by its key, with
/// its unit, baseline and ratio, then what could not be measured and what failed. snake_case
/// names through System.Text.Json's source generator.
/// </summary>
internal static class BenchReportJson
{
    public static BenchReportDocument Document(BenchReport report, int exitCode)
    {
        var figures = new Dictionary<string, FigureDocument>(StringComparer.Ordinal);
        foreach (var figure in report.Figures)
            figures[figure.Key] = new FigureDocument(figure.Value, figure.Unit, BaselineMap.For(figure), report.BaselineOf(figure)?.Value, report.RatioOf(figure));
        return new BenchReportDocument(
            figures,
            [.. report.Unavailable.Select(u => new UnavailableDocument(u.Suite, u.Key, u.Reason))],
            [.. report.Failures.Select(f => new FailureDocument(f.Suite, f.Benchmark, f.Message))],
            [.. report.EmptySuites],
            exitCode);
    }

    /// <summary>The document as indented JSON text.</summary>
    public static string ToJson(BenchReport report, int exitCode = 0) =>
        JsonSerializer.Serialize(Document(report, exitCode), BenchJsonContext.Default.BenchReportDocument);
}

/// <summary>The bench report's JSON shape.</summary>
internal sealed record BenchReportDocument(
    Dictionary<string, FigureDocument> Figures,
    List<UnavailableDocument> Unavailable,
    List<FailureDocument> Failures,
    List<string> EmptySuites,
    int ExitCode);

/// <summary>One figure: its value and unit, and its baseline's key, value and the ratio when it has one.</summary>
internal sealed record FigureDocument(double Value, string Unit, string? Baseline, double? BaselineValue, double? Ratio);

internal sealed record UnavailableDocument(string Suite, string Key, string Reason);

internal sealed record FailureDocument(string Suite, string Benchmark, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(BenchReportDocument))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
