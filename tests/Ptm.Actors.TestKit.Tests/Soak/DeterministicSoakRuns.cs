using System.Text;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;
using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>Short soak runs of the real workload on the deterministic dispatcher, for the tests that need a whole run.</summary>
internal static class DeterministicSoakRuns
{
    /// <summary>Rates well above the defaults, so a short run with few ptys meets every fault kind.</summary>
    public static readonly IReadOnlyDictionary<FaultKind, double> BusyFaultRates = new Dictionary<FaultKind, double>
    {
        [FaultKind.CrashManager] = 0.004,
        [FaultKind.CrashSubsidiary] = 0.004,
        [FaultKind.AbruptClose] = 0.004,
        [FaultKind.StalledReader] = 0.005,
        [FaultKind.SlowReader] = 0.01,
        [FaultKind.CloneBurst] = 0.001,
        [FaultKind.TimerDelay] = 0.01,
        [FaultKind.CrashLoneManager] = 0.004,
        [FaultKind.ReopenBeforeEof] = 0.004,
        [FaultKind.ReopenAfterCrash] = 0.004,
    };

    public static SoakOptions Options(long seed, int ptys, TimeSpan duration) => new()
    {
        Duration = duration,
        Ptys = ptys,
        Seed = seed,
        Deterministic = true,
        FaultRates = BusyFaultRates,
        // The wall-clock stop must not cut the virtual run short on a slow machine.
        TeardownGrace = TimeSpan.FromSeconds(60),
    };

    /// <summary>2 ms of virtual time per step keeps ten virtual seconds to a few seconds of wall clock.</summary>
    public static Task<SoakReport> Run(SoakOptions options) =>
        new SoakRunner(options, new PtySoakWorkload(TimeSpan.FromMilliseconds(2)), ISoakDisplay.None, Serilog.Core.Logger.None).RunAsync(CancellationToken.None);

    /// <summary>A failed run's violations (first example of each) and faults, for the assertion message.</summary>
    public static string Describe(SoakReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"{report.TotalViolations} violation(s), {report.Sessions} sessions, {report.Operations} operations, {report.Terminal}");
        foreach (var violation in report.Violations)
            if (violation.Count > 0) text.AppendLine($"  {violation.Kind}: {violation.Count}, first: {violation.FirstExample}");
        foreach (var (kind, count) in report.Faults) text.AppendLine($"  fault {kind}: {count}");
        return text.ToString();
    }
}
