using Ptm.Actors.TestKit.Soak.Oracle;


namespace Ptm.Actors.TestKit.Soak.Report;

/// <summary>One kind of violation in the report: how many, and the first one seen.</summary>
internal sealed record ViolationSummary(string Kind, long Count, string? FirstExample);

/// <summary>Bytes in one direction: accepted by writes and received by reads.</summary>
internal sealed record DirectionBytes(long Accepted, long Received);

/// <summary>What the terminal sessions did: epochs with ptem and ldterm pushed, operations settled, signals taken.</summary>
internal sealed record TerminalFigures(long Epochs, long Operations, long Signals);

/// <summary>The outcome of a soak run, as the final table and the JSON file show it.</summary>
internal sealed record SoakReport
{
    public required long Seed { get; init; }
    public required bool Deterministic { get; init; }
    public required int Ptys { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required long Sessions { get; init; }
    public required int PeakLiveSessions { get; init; }
    public required long Operations { get; init; }
    public required long FailedOperations { get; init; }
    public required DirectionBytes ManagerToSubsidiary { get; init; }
    public required DirectionBytes SubsidiaryToManager { get; init; }
    public TerminalFigures Terminal { get; init; } = new(0, 0, 0);
    /// <summary>Every fault kind by its snake_case name, zero included.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> Faults { get; init; }
    /// <summary>Every violation kind, zero included, in ViolationKind order.</summary>
    public required IReadOnlyList<ViolationSummary> Violations { get; init; }
    public required TimeSpan LatencyP50 { get; init; }
    public required TimeSpan LatencyP99 { get; init; }
    public TimeSpan LatencyP90 { get; init; }
    public TimeSpan LatencyP999 { get; init; }
    public TimeSpan LatencyMax { get; init; }
    /// <summary>Calls per latency bar (LatencyHistogram.BucketBounds), first to last non-empty bar.</summary>
    public IReadOnlyList<LatencyBucket> LatencyDistribution { get; init; } = [];
    /// <summary>The failed calls by errno and cause; FailedOperations is their total.</summary>
    public FailedCalls FailedCalls { get; init; } = FailedCalls.None;
    /// <summary>Live sessions, faults and failed calls over the run (bounded buckets).</summary>
    public TimelineSeries Timeline { get; init; } = TimelineSeries.Empty;
    public required long PeakManagedBytes { get; init; }
    public required int PeakMinors { get; init; }
    public required MemoryBudget MemoryBudget { get; init; }
    public required long ExpectedDeadLetters { get; init; }
    public required long LateEvents { get; init; }

    /// <summary>When Ctrl+C stopped the run before its duration was over (from the start of the run); null for a run that ran its course.</summary>
    public TimeSpan? InterruptedAfter { get; init; }

    /// <summary>The violations with their sessions and details: the first ViolationLog.LoggedPerKind of each kind, in order.</summary>
    public IReadOnlyList<Violation> Examples { get; init; } = [];

    /// <summary>Ctrl+C stopped the run early: the checks covered only what ran.</summary>
    public bool Interrupted => InterruptedAfter is not null;

    public long TotalViolations
    {
        get
        {
            long total = 0;
            foreach (var violation in Violations) total += violation.Count;
            return total;
        }
    }

    public long TotalBytesReceived => ManagerToSubsidiary.Received + SubsidiaryToManager.Received;

    public double OperationsPerSecond => Elapsed.TotalSeconds > 0 ? Operations / Elapsed.TotalSeconds : 0;

    public double BytesPerSecond => Elapsed.TotalSeconds > 0 ? TotalBytesReceived / Elapsed.TotalSeconds : 0;

    /// <summary>The process exit code: 1 with any violation (interrupted or not), else 130 for a run Ctrl+C stopped early, else 0.</summary>
    public int ExitCode => TotalViolations > 0 ? 1 : Interrupted ? 130 : 0;

    public static SoakReport Build(SoakOptions options, TimeSpan elapsed, InvariantChecker checker, SoakStatistics statistics, TimeSpan? interruptedAfter = null)
    {
        var faults = new List<KeyValuePair<string, long>>(FaultKinds.All.Length);
        foreach (var kind in FaultKinds.All) faults.Add(new(FaultKinds.Name(kind), statistics.Faults(kind)));
        var violations = new List<ViolationSummary>(ViolationKinds.All.Length);
        foreach (var kind in ViolationKinds.All)
            violations.Add(new ViolationSummary(ViolationKinds.Name(kind), checker.Violations.Count(kind), checker.Violations.First(kind)?.ToString()));
        return new SoakReport
        {
            Seed = options.Seed,
            Deterministic = options.Deterministic,
            Ptys = options.Ptys,
            Elapsed = elapsed,
            Sessions = statistics.SessionsStarted,
            PeakLiveSessions = statistics.PeakLiveSessions,
            Operations = statistics.Operations,
            FailedOperations = statistics.FailedOperations,
            ManagerToSubsidiary = new DirectionBytes(statistics.AcceptedBytes(Direction.ManagerToSubsidiary), statistics.ReceivedBytes(Direction.ManagerToSubsidiary)),
            SubsidiaryToManager = new DirectionBytes(statistics.AcceptedBytes(Direction.SubsidiaryToManager), statistics.ReceivedBytes(Direction.SubsidiaryToManager)),
            Terminal = statistics.Terminal,
            Faults = faults,
            Violations = violations,
            LatencyP50 = statistics.Latency.Percentile(0.50),
            LatencyP99 = statistics.Latency.Percentile(0.99),
            LatencyP90 = statistics.Latency.Percentile(0.90),
            LatencyP999 = statistics.Latency.Percentile(0.999),
            LatencyMax = statistics.Latency.Percentile(1),
            LatencyDistribution = statistics.Latency.Distribution(),
            FailedCalls = statistics.FailedCalls,
            Timeline = statistics.Timeline,
            PeakManagedBytes = statistics.PeakManagedBytes,
            PeakMinors = statistics.PeakMinors,
            MemoryBudget = options.MemoryBudget,
            ExpectedDeadLetters = statistics.ExpectedDeadLetters,
            LateEvents = checker.LateEvents,
            InterruptedAfter = interruptedAfter,
            Examples = [.. checker.Violations.Logged],
        };
    }
}
