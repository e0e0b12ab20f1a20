using System.Text.Json.Serialization;
using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Cli.Commands;

/// <summary>`ptm spec --json FILE|-`: each spec's result, its seed and its failing line, then the totals.</summary>
internal static class SpecReportJson
{
    public static SpecReportDocument Document(SpecCommand.Settings settings, IReadOnlyList<ScenarioResult> results, int exitCode)
    {
        var specs = new List<SpecResultDocument>(results.Count);
        int passed = 0, skipped = 0;
        foreach (var result in results)
        {
            if (result.Passed) passed++;
            skipped += result.SkippedLines.Count;
            specs.Add(new SpecResultDocument(
                result.Path,
                result.Passed,
                // A spec that passed every seed of --seeds has no one seed to name.
                result.Passed && settings.Seeds is not null ? null : result.Seed,
                result.Passed ? null : result.Line,
                result.Passed ? null : $"{result.Path}:{result.Line}",
                result.Failure,
                [.. result.SkippedLines]));
        }
        return new SpecReportDocument(settings.Against, settings.Seeds, settings.Seed, passed, results.Count - passed, skipped, specs, exitCode);
    }
}

/// <summary>The spec run's JSON shape: the run's settings, the totals, and each spec.</summary>
internal sealed record SpecReportDocument(
    string Against, int? Seeds, int? Seed, int Passed, int Failed, int SkippedSteps, List<SpecResultDocument> Specs, int ExitCode);

/// <summary>
/// One spec: <paramref name="Seed"/> is the failing seed (or the one --seed gave; null on the
/// ordinary dispatcher), <paramref name="Line"/> and <paramref name="Location"/> (file:line) the
/// failing step's line, null when it passed.
/// </summary>
internal sealed record SpecResultDocument(
    string Path, bool Passed, int? Seed, int? Line, string? Location, string? Failure, List<int> SkippedLines);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SpecReportDocument))]
internal sealed partial class SpecJsonContext : JsonSerializerContext;
