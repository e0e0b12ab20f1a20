using System.Text.Json.Serialization;
using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Cli.Commands;

/// <summary>`ptm spec --json FILE|-`: each spec's result, its seed, its failing line and (with --seeds) its count of distinct interleavings, then the totals.</summary>
internal static class SpecReportJson
{
    public static SpecReportDocument Document(SpecCommand.Settings settings, IReadOnlyList<ScenarioResult> results, int exitCode)
    {
        var specs = new List<SpecResultDocument>(results.Count);
        int passed = 0, skipped = 0, oneWay = 0;
        foreach (var result in results)
        {
            if (result.Passed) passed++;
            skipped += result.SkippedLines.Count;
            if (result.RanOneWayOnly) oneWay++;
            specs.Add(new SpecResultDocument(
                result.Path,
                result.Passed,
                // A spec that passed every seed of --seeds has no one seed to name.
                result.Passed && settings.Seeds is not null ? null : result.Seed,
                result.Passed ? null : result.Line,
                result.Passed ? null : $"{result.Path}:{result.Line}",
                result.Failure,
                [.. result.SkippedLines],
                result.DistinctInterleavings));
        }
        return new SpecReportDocument(settings.Against, settings.Seeds, settings.Seed, passed, results.Count - passed, skipped, specs, exitCode) { RanOneWay = oneWay };
    }
}

/// <summary>The spec run's JSON shape: the run's settings, the totals, and each spec.</summary>
internal sealed record SpecReportDocument(
    string Against, int? Seeds, int? Seed, int Passed, int Failed, int SkippedSteps, List<SpecResultDocument> Specs, int ExitCode)
{
    /// <summary>Specs whose seeds (more than one) all ran the same way: their extra seeds checked nothing new.</summary>
    public int RanOneWay { get; init; }
}

/// <summary>
/// One spec: <paramref name="Seed"/> is the failing seed (or the one --seed gave; null on the
/// ordinary dispatcher), <paramref name="Line"/> and <paramref name="Location"/> (file:line) the
/// failing step's line, null when it passed. <paramref name="DistinctInterleavings"/> is how many
/// different interleavings the seeds of --seeds produced (ScenarioResult.DistinctInterleavings),
/// null without --seeds.
/// </summary>
internal sealed record SpecResultDocument(
    string Path, bool Passed, int? Seed, int? Line, string? Location, string? Failure, List<int> SkippedLines, int? DistinctInterleavings);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SpecReportDocument))]
internal sealed partial class SpecJsonContext : JsonSerializerContext;
