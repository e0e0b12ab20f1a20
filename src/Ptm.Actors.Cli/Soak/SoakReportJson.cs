using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ptm.Actors.Cli.Soak;

/// <summary>
/// The report as JSON (--json FILE or -), through System.Text.Json's source generator with
/// snake_case names. Every fault and violation kind is present, zero included, so a consumer
/// never has to guess whether a key is missing or zero.
/// </summary>
internal static class SoakReportJson
{
    public static SoakReportDocument Document(SoakReport report)
    {
        var faults = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in report.Faults) faults[kind] = count;
        var violations = new Dictionary<string, ViolationDocument>(StringComparer.Ordinal);
        foreach (var violation in report.Violations) violations[violation.Kind] = new ViolationDocument(violation.Count, violation.FirstExample);
        return new SoakReportDocument
        {
            Seed = report.Seed,
            Deterministic = report.Deterministic,
            Ptys = report.Ptys,
            DurationS = Seconds(report.Elapsed),
            Interrupted = report.Interrupted,
            InterruptedAfterS = report.InterruptedAfter is { } after ? Seconds(after) : null,
            Sessions = report.Sessions,
            PeakLiveSessions = report.PeakLiveSessions,
            Operations = report.Operations,
            FailedOperations = report.FailedOperations,
            Bytes = new BytesDocument(report.ManagerToSubsidiary, report.SubsidiaryToManager, report.TotalBytesReceived),
            Terminal = report.Terminal,
            Faults = faults,
            Violations = violations,
            ViolationCount = report.TotalViolations,
            Throughput = new ThroughputDocument(Math.Round(report.OperationsPerSecond, 1), Math.Round(report.BytesPerSecond, 1)),
            LatencyMs = new LatencyDocument(Math.Round(report.LatencyP50.TotalMilliseconds, 3), Math.Round(report.LatencyP99.TotalMilliseconds, 3)),
            PeakManagedBytes = report.PeakManagedBytes,
            MemoryBudget = new MemoryBudgetDocument(report.MemoryBudget.BaseBytes, report.MemoryBudget.PerPtyBytes),
            PeakMinors = report.PeakMinors,
            ExpectedDeadLetters = report.ExpectedDeadLetters,
            LateEvents = report.LateEvents,
            ExitCode = report.ExitCode,
        };
    }

    public static void Write(SoakReport report, Stream stream) =>
        JsonSerializer.Serialize(stream, Document(report), SoakJsonContext.Default.SoakReportDocument);

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}

/// <summary>The soak report's JSON shape; property names become snake_case keys.</summary>
internal sealed record SoakReportDocument
{
    public long Seed { get; init; }
    public bool Deterministic { get; init; }
    public int Ptys { get; init; }
    public double DurationS { get; init; }
    public bool Interrupted { get; init; }
    public double? InterruptedAfterS { get; init; }
    public long Sessions { get; init; }
    public int PeakLiveSessions { get; init; }
    public long Operations { get; init; }
    public long FailedOperations { get; init; }
    public required BytesDocument Bytes { get; init; }
    public required TerminalFigures Terminal { get; init; }
    public required Dictionary<string, long> Faults { get; init; }
    public required Dictionary<string, ViolationDocument> Violations { get; init; }
    public long ViolationCount { get; init; }
    public required ThroughputDocument Throughput { get; init; }
    public required LatencyDocument LatencyMs { get; init; }
    public long PeakManagedBytes { get; init; }
    public required MemoryBudgetDocument MemoryBudget { get; init; }
    public int PeakMinors { get; init; }
    public long ExpectedDeadLetters { get; init; }
    public long LateEvents { get; init; }
    public int ExitCode { get; init; }
}

internal sealed record ViolationDocument(long Count, string? First);

internal sealed record BytesDocument(DirectionBytes ManagerToSubsidiary, DirectionBytes SubsidiaryToManager, long TotalReceived);

internal sealed record ThroughputDocument(double OperationsPerS, double BytesPerS);

internal sealed record LatencyDocument(double P50, double P99);

internal sealed record MemoryBudgetDocument(long BaseBytes, long PerPtyBytes);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SoakReportDocument))]
internal sealed partial class SoakJsonContext : JsonSerializerContext;
