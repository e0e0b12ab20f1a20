using Ptm.Actors.Cli.Bench;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.Cli.Tests.Reports;

/// <summary>Reports with known figures, for the renderers' tests.</summary>
internal static class KnownReports
{
    /// <summary>1,000 calls, 100 failed: 60 flow control, 30 unknown ioctl, 10 unattributed EINTR; one data_loss violation; 4 timeline buckets.</summary>
    public static SoakReport Soak(long unattributed = 10) => new()
    {
        Seed = 42,
        Deterministic = false,
        Ptys = 10,
        Elapsed = TimeSpan.FromSeconds(2),
        Sessions = 25,
        PeakLiveSessions = 12,
        Operations = 1000,
        FailedOperations = 90 + unattributed,
        ManagerToSubsidiary = new DirectionBytes(4096, 4000),
        SubsidiaryToManager = new DirectionBytes(2048, 2048),
        Faults = [.. FaultKinds.All.Select(kind => new KeyValuePair<string, long>(FaultKinds.Name(kind), kind == FaultKind.CrashManager ? 3 : 0))],
        Violations = [.. ViolationKinds.All.Select(kind => new ViolationSummary(ViolationKinds.Name(kind), kind == ViolationKind.DataLoss ? 1 : 0, kind == ViolationKind.DataLoss ? "session 3: 5 bytes <lost> & gone" : null))],
        LatencyP50 = TimeSpan.FromMilliseconds(2),
        LatencyP99 = TimeSpan.FromMilliseconds(40),
        LatencyP90 = TimeSpan.FromMilliseconds(9),
        LatencyP999 = TimeSpan.FromMilliseconds(80),
        LatencyMax = TimeSpan.FromMilliseconds(90),
        LatencyDistribution = [new(TimeSpan.FromMilliseconds(1), 300), new(TimeSpan.FromMilliseconds(2.5), 600), new(TimeSpan.FromMilliseconds(5), 0), new(TimeSpan.FromMilliseconds(100), 100)],
        PeakManagedBytes = 1 << 20,
        PeakMinors = 12,
        MemoryBudget = MemoryBudget.Default,
        ExpectedDeadLetters = 0,
        LateEvents = 0,
        FailedCalls = new FailedCalls([
            new("EAGAIN", FailureCause.FlowControl, 60),
            new("EINVAL", FailureCause.UnknownIoctl, 30),
            .. unattributed > 0 ? (FailedCallRow[])[new("EINTR", FailureCause.Unattributed, unattributed)] : []]),
        Timeline = new TimelineSeries(TimeSpan.FromMilliseconds(500), [
            new(TimeSpan.Zero, 4, 0, 10, 0),
            new(TimeSpan.FromMilliseconds(500), 12, 2, 40, 5),
            new(TimeSpan.FromMilliseconds(1000), 8, 1, 30, 5),
            new(TimeSpan.FromMilliseconds(1500), 0, 0, 20, 0)]),
    };

    /// <summary>Two ratios: 4x (round trips) and 0.5x (open/close); a throughput figure with no baseline.</summary>
    public static BenchReport Bench()
    {
        var report = new BenchReport();
        report.Add(SuiteNames.Kernel, new Figure("pingpong_round_trips_per_s", 400_000, FigureUnits.PerSecond));
        report.Add(SuiteNames.Kernel, new Figure(BaselineMap.ChannelRoundTrips, 100_000, FigureUnits.PerSecond));
        report.Add(SuiteNames.Pty, new Figure("pty_open_close_per_s", 5_000, FigureUnits.PerSecond));
        report.Add(SuiteNames.Pty, new Figure(BaselineMap.OsPtyOpenClose, 10_000, FigureUnits.PerSecond));
        report.Add(SuiteNames.Pty, new Figure("pty_throughput_MBps_4k", 900, FigureUnits.MegabytesPerSecond));
        return report;
    }
}
