using System.Text.Json;
using System.Text.Json.Serialization;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;

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
            LatencyMs = new LatencyDocument(Millis(report.LatencyP50), Millis(report.LatencyP99))
            {
                P90 = Millis(report.LatencyP90),
                P999 = Millis(report.LatencyP999),
                Max = Millis(report.LatencyMax),
                Distribution = [.. report.LatencyDistribution.Select(bar => new LatencyBarDocument(bar.UpperBound == TimeSpan.MaxValue ? null : Millis(bar.UpperBound), bar.Count))],
            },
            FailedCalls = FailedCallsDocument.Of(report.FailedCalls, report.Operations),
            Timeline = new TimelineDocument(Seconds(report.Timeline.BucketWidth),
                [.. report.Timeline.Buckets.Select(b => new TimelineBucketDocument(Seconds(b.Start), b.PeakLive, b.Faults, b.FailedCalls, b.Unattributed))]),
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

    private static double Millis(TimeSpan span) => Math.Round(span.TotalMilliseconds, 3);
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
    public required FailedCallsDocument FailedCalls { get; init; }
    public required TimelineDocument Timeline { get; init; }
}

internal sealed record ViolationDocument(long Count, string? First);

internal sealed record BytesDocument(DirectionBytes ManagerToSubsidiary, DirectionBytes SubsidiaryToManager, long TotalReceived);

internal sealed record ThroughputDocument(double OperationsPerS, double BytesPerS);

/// <summary>Latency percentiles in ms (p50 and p99 since the first report; the rest added with HdrHistogram) and the distribution.</summary>
internal sealed record LatencyDocument(double P50, double P99)
{
    public double P90 { get; init; }
    public double P999 { get; init; }
    public double Max { get; init; }
    public IReadOnlyList<LatencyBarDocument> Distribution { get; init; } = [];
}

/// <summary>Calls that took at most LeMs (null: the open-ended last bar) and more than the bar before.</summary>
internal sealed record LatencyBarDocument(double? LeMs, long Count);

/// <summary>Failed calls: totals, by cause (every cause, zero included) and by errno.</summary>
internal sealed record FailedCallsDocument(long Total, long Expected, long Unattributed, double ShareOfOperations, Dictionary<string, CauseDocument> ByCause, IReadOnlyList<ErrnoDocument> ByErrno)
{
    public static FailedCallsDocument Of(FailedCalls calls, long operations)
    {
        var byCause = new Dictionary<string, CauseDocument>(StringComparer.Ordinal);
        foreach (var (cause, count) in calls.ByCause)
            byCause[FailureCauses.Name(cause)] = new CauseDocument(count, FailureCauses.IsExpected(cause), FailureCauses.IsInjectedFault(cause), FailureCauses.Explanation(cause));
        var byErrno = calls.ByErrno.Select(errno => new ErrnoDocument(errno.Key, errno.Value,
            calls.Rows.Where(row => row.Errno == errno.Key).ToDictionary(row => FailureCauses.Name(row.Cause), row => row.Count, StringComparer.Ordinal))).ToList();
        return new FailedCallsDocument(calls.Total, calls.Expected, calls.Unattributed, operations > 0 ? Math.Round((double)calls.Total / operations, 4) : 0, byCause, byErrno);
    }
}

internal sealed record CauseDocument(long Count, bool Expected, bool InjectedFault, string Explanation);

internal sealed record ErrnoDocument(string Errno, long Count, Dictionary<string, long> ByCause);

internal sealed record TimelineDocument(double BucketS, IReadOnlyList<TimelineBucketDocument> Buckets);

internal sealed record TimelineBucketDocument(double StartS, int PeakLive, long Faults, long FailedCalls, long Unattributed);

internal sealed record MemoryBudgetDocument(long BaseBytes, long PerPtyBytes);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SoakReportDocument))]
internal sealed partial class SoakJsonContext : JsonSerializerContext;
