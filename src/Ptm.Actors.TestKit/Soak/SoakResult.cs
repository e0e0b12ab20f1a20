using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.TestKit.Soak;

/// <summary>A violation of the rule book the checker found.</summary>
/// <param name="Kind">Its kind, in snake_case as `ptm soak` names it ("data_loss", "call_hung", ...).</param>
/// <param name="Session">The session it happened in, or -1 when it belongs to none.</param>
/// <param name="Detail">What the checker saw, citing the rule.</param>
public sealed record SoakViolation(string Kind, long Session, string Detail);

/// <summary>What a soak run found (<see cref="SoakRun.RunAsync"/>): the verdict, the violations and the run's figures.</summary>
public sealed class SoakResult
{
    private readonly SoakReport _report;

    internal SoakResult(SoakReport report)
    {
        _report = report;
        Violations = [.. report.Examples.Select(v => new SoakViolation(ViolationKinds.Name(v.Kind), v.Session, v.Detail))];
        ViolationCounts = report.Violations.ToDictionary(v => v.Kind, v => v.Count, StringComparer.Ordinal);
        FailedCallsByCause = report.FailedCalls.ByCause.ToDictionary(pair => FailureCauses.Name(pair.Key), pair => pair.Value, StringComparer.Ordinal);
    }

    /// <summary>True if the checker found no violation.</summary>
    public bool Passed => _report.TotalViolations == 0;

    /// <summary>True if the caller's cancellation stopped the run before its duration was over.</summary>
    public bool Interrupted => _report.Interrupted;

    /// <summary>The violations found, with their sessions: at most the first 20 of each kind (ViolationCounts has them all).</summary>
    public IReadOnlyList<SoakViolation> Violations { get; }

    /// <summary>How many violations of each kind were found, every kind present, zero included.</summary>
    public IReadOnlyDictionary<string, long> ViolationCounts { get; }

    /// <summary>How long the run took on the wall clock.</summary>
    public TimeSpan Elapsed => _report.Elapsed;

    /// <summary>The sessions the workload started.</summary>
    public long Sessions => _report.Sessions;

    /// <summary>The calls the workload completed.</summary>
    public long Operations => _report.Operations;

    /// <summary>The calls that returned an error.</summary>
    public long FailedCalls => _report.FailedOperations;

    /// <summary>The failed calls by cause ("flow_control", "hang_up", "unattributed", ...), every cause present; only unattributed ones are unexpected.</summary>
    public IReadOnlyDictionary<string, long> FailedCallsByCause { get; }

    /// <summary>The median call latency.</summary>
    public TimeSpan LatencyP50 => _report.LatencyP50;

    /// <summary>The 90th percentile of call latency.</summary>
    public TimeSpan LatencyP90 => _report.LatencyP90;

    /// <summary>The 99th percentile of call latency.</summary>
    public TimeSpan LatencyP99 => _report.LatencyP99;

    /// <summary>The longest call.</summary>
    public TimeSpan LatencyMax => _report.LatencyMax;
}
