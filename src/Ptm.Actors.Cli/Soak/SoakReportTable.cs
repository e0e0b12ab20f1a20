using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.Cli.Soak;

/// <summary>The final report as Spectre.Console tables: the run's numbers, then violations by kind.</summary>
internal static class SoakReportTable
{
    public static IRenderable Render(SoakReport report)
    {
        var summary = new Table().Title("ptm soak report").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        Add(summary, "result", Result(report), markup: true);
        Add(summary, "seed", report.Seed.ToString(CultureInfo.InvariantCulture) + (report.Deterministic ? " (deterministic)" : ""));
        Add(summary, "duration", DurationText.Format(report.Elapsed));
        Add(summary, "sessions", $"{report.Sessions:N0} (peak {report.PeakLiveSessions:N0} live of {report.Ptys:N0}{AbovePtys(report)})");
        Add(summary, "operations", Operations(report), markup: true);
        Add(summary, "bytes manager->subsidiary", Bytes(report.ManagerToSubsidiary));
        Add(summary, "bytes subsidiary->manager", Bytes(report.SubsidiaryToManager));
        Add(summary, "terminal sessions", $"{report.Terminal.Epochs:N0} epochs with ptem+ldterm, {report.Terminal.Operations:N0} operations settled, {report.Terminal.Signals:N0} signals taken");
        Add(summary, "throughput", $"{report.OperationsPerSecond:N0} ops/s, {ByteSize.Format((long)report.BytesPerSecond)}/s");
        Add(summary, "latency p50 / p99", $"{report.LatencyP50.TotalMilliseconds:0.###} ms / {report.LatencyP99.TotalMilliseconds:0.###} ms");
        Add(summary, "latency p90 / p99.9 / max", $"{report.LatencyP90.TotalMilliseconds:0.###} ms / {report.LatencyP999.TotalMilliseconds:0.###} ms / {report.LatencyMax.TotalMilliseconds:0.###} ms");
        Add(summary, "peak managed memory", $"{ByteSize.Format(report.PeakManagedBytes)} (budget {report.MemoryBudget})");
        Add(summary, "peak minors allocated", report.PeakMinors.ToString("N0", CultureInfo.InvariantCulture));
        Add(summary, "expected dead letters", report.ExpectedDeadLetters.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var (kind, count) in report.Faults) Add(summary, "fault " + kind, count.ToString("N0", CultureInfo.InvariantCulture));

        var violations = new Table().Title("violations by kind").AddColumn("kind").AddColumn(new TableColumn("count").RightAligned()).AddColumn("first example");
        foreach (var violation in report.Violations)
        {
            var count = violation.Count == 0 ? "0" : $"[red]{violation.Count:N0}[/]";
            violations.AddRow(new Markup(Markup.Escape(violation.Kind)), new Markup(count), new Text(violation.FirstExample ?? "-"));
        }
        return new Rows(summary, violations);
    }

    // An interrupted run says so first: its checks covered only what ran before Ctrl+C.
    private static string Result(SoakReport report)
    {
        var interrupted = report.InterruptedAfter is { } after ? "interrupted after " + DurationText.Format(after) : null;
        if (report.TotalViolations == 0)
            return interrupted is null ? "[green]no violations[/]" : $"[yellow]{interrupted}[/]: no violations in what ran";
        return $"[red]{report.TotalViolations} violation(s)[/]" + (interrupted is null ? "" : $" ({interrupted})");
    }

    // More live than --ptys is no leak: each clone_burst fault opens extra managers at once, on
    // top of --ptys (L1, L5; PtySoakWorkload.BurstHeadroom minors are kept for them).
    private static string AbovePtys(SoakReport report) =>
        report.PeakLiveSessions > report.Ptys ? "; clone_burst faults open extra sessions on top of --ptys" : "";

    // Failed calls are mostly the workload's doing (EAGAIN on non-blocking handles, its unknown
    // ioctl, hang-ups, injected faults): say so, and make the share no rule explains stand out.
    private static string Operations(SoakReport report)
    {
        var calls = report.FailedCalls;
        var failed = $"{report.Operations:N0} ({report.FailedOperations:N0} returned an error, {Reports.ChartText.Share(report.FailedOperations, report.Operations)}";
        if (report.FailedOperations == 0) return failed + ")";
        return calls.Unattributed == 0
            ? failed + ": all expected, see failed calls)"
            : failed + $": [red bold]{calls.Unattributed:N0} unattributed (unexpected)[/], {calls.Expected:N0} expected)";
    }

    private static void Add(Table table, string name, string value, bool markup = false) =>
        table.AddRow(new Text(name), markup ? new Markup(value) : new Text(value));

    private static string Bytes(DirectionBytes bytes) =>
        $"{ByteSize.Format(bytes.Accepted)} accepted, {ByteSize.Format(bytes.Received)} received";
}
