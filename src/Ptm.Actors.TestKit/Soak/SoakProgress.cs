using System.Globalization;
using Ptm.Actors.TestKit.Soak.Oracle;
using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.TestKit.Soak;

/// <summary>
/// A moment of a running soak, as the live display and the plain progress line show it. Bytes
/// are counted as received (read by the peer), as the report labels them. Failed
/// calls are mostly expected (CallFailureClassifier); the unattributed ones are not.
/// </summary>
internal sealed record SoakProgress(
    TimeSpan Elapsed,
    TimeSpan Duration,
    long Sessions,
    int LiveSessions,
    long Operations,
    long ReceivedManagerToSubsidiary,
    long ReceivedSubsidiaryToManager,
    long Faults,
    long Violations,
    long FailedCalls = 0,
    long UnattributedFailures = 0)
{
    public static SoakProgress Read(SoakEventSink sink, TimeSpan elapsed, TimeSpan duration) =>
        sink.Read((checker, statistics) => new SoakProgress(
            elapsed,
            duration,
            statistics.SessionsStarted,
            statistics.LiveSessions,
            statistics.Operations,
            statistics.ReceivedBytes(Direction.ManagerToSubsidiary),
            statistics.ReceivedBytes(Direction.SubsidiaryToManager),
            statistics.TotalFaults,
            checker.Violations.Total,
            statistics.FailedOperations,
            statistics.UnattributedFailures));

    public double Percent => Duration <= TimeSpan.Zero ? 100 : Math.Min(100, 100 * Elapsed.TotalSeconds / Duration.TotalSeconds);

    /// <summary>The one line printed every few seconds when stdout is not a terminal.</summary>
    public string ToPlainLine() => string.Create(CultureInfo.InvariantCulture,
        $"soak {Elapsed.TotalSeconds:0}s/{Duration.TotalSeconds:0}s sessions={Sessions} live={LiveSessions} ops={Operations} received_m2s={ReceivedManagerToSubsidiary} received_s2m={ReceivedSubsidiaryToManager} faults={Faults} violations={Violations} failed_calls={FailedCalls} unattributed={UnattributedFailures}");
}
