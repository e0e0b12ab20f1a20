using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;


namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// Terminal sessions (ptem and ldterm pushed, M1, M3) on the real pty system, on the
/// deterministic dispatcher: every session a terminal session, faults included, must break no
/// rule, and the operations must really have run (lines, echo, output, signals).
/// </summary>
public class TerminalSoakTests
{
    private const long Seed = 20261129;
    private const int Ptys = 32;

    private static SoakOptions Options(TimeSpan duration) => DeterministicSoakRuns.Options(Seed, Ptys, duration) with { TerminalShare = 1 };

    private static Task<SoakReport> Run(SoakOptions options) => DeterministicSoakRuns.Run(options);

    [Fact]
    public async Task A_short_deterministic_soak_of_terminal_sessions_breaks_no_rule()
    {
        var report = await Run(Options(TimeSpan.FromSeconds(5)));

        Assert.True(report.TotalViolations == 0, DeterministicSoakRuns.Describe(report));
        Assert.True(report.Sessions > Ptys, $"sessions were not churned: {report.Sessions}");
        // Terminal epochs write no pattern data; what was read is echo, lines and output.
        Assert.Equal(0, report.ManagerToSubsidiary.Accepted);
        Assert.True(report.ManagerToSubsidiary.Received > 0 && report.SubsidiaryToManager.Received > 0, "no terminal data flowed");
        Assert.True(report.Terminal.Epochs > Ptys && report.Terminal.Operations > 10 * Ptys, $"terminal figures: {report.Terminal}");
        Assert.True(report.Terminal.Signals > 0, "no SIGINT or SIGWINCH was ever taken");
        Assert.True(report.Faults.Where(f => f.Key is "crash_manager" or "crash_subsidiary").Sum(f => f.Value) > 0, DeterministicSoakRuns.Describe(report));
    }

    [Fact]
    public async Task The_same_seed_replays_the_same_terminal_run()
    {
        var options = Options(TimeSpan.FromSeconds(2));
        var first = await Run(options);
        var second = await Run(options);

        Assert.Equal(first.Terminal, second.Terminal);
        Assert.Equal(first.Operations, second.Operations);
        Assert.Equal(first.ManagerToSubsidiary, second.ManagerToSubsidiary);
        Assert.Equal(first.SubsidiaryToManager, second.SubsidiaryToManager);
        Assert.True(first.Terminal.Operations > 0);
    }

    [Fact]
    public async Task Sessions_with_no_terminal_share_push_no_modules()
    {
        var report = await Run(Options(TimeSpan.FromSeconds(1)) with { TerminalShare = 0 });

        Assert.Equal(new TerminalFigures(0, 0, 0), report.Terminal);
        Assert.True(report.TotalViolations == 0, DeterministicSoakRuns.Describe(report));
    }
}
