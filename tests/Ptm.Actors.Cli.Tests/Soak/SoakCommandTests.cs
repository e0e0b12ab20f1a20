using System.Text.Json;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Tests.Soak;

namespace Ptm.Actors.Cli.Tests.Soak;

public class SoakCommandTests
{
    private static SoakOutcome Run(Func<ISoakWorkload> workload, params string[] args) =>
        SoakCommandLine.Run(_ => workload(), CancellationToken.None, args);

    [Theory]
    [InlineData("--ptys", "0")]
    [InlineData("--ptys", "100001")]
    [InlineData("--duration", "0")]
    [InlineData("--duration", "-5s")]
    [InlineData("--duration", "soon")]
    [InlineData("--duration", "200h")]
    [InlineData("--seed", "-1")]
    [InlineData("--rate-crash-manager", "1.5")]
    [InlineData("--rate-slow-reader", "-0.1")]
    [InlineData("--rate-timer-delay", "NaN")]
    [InlineData("--memory-budget", "lots")]
    [InlineData("--memory-budget", "0+64KiB")]
    [InlineData("--json", "/no/such/directory/report.json")]
    public void A_bad_option_exits_2_with_one_line_naming_it_and_a_pointer_to_help(string option, string value)
    {
        var workload = new ReplayWorkload(Traces.Clean());
        var outcome = Run(() => workload, option, value);
        Assert.Equal(2, outcome.ExitCode);
        var lines = outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"ptm soak: {option}: ", lines[0]);
        Assert.Equal("Run 'ptm soak --help' for usage.", lines[1]);
        Assert.Equal("", outcome.Out);
        Assert.Null(workload.Options); // nothing ran
    }

    [Fact]
    public void Every_bad_option_is_reported_at_once()
    {
        var workload = new ReplayWorkload(Traces.Clean());
        var outcome = Run(() => workload, "--ptys", "0", "--duration", "0", "--rate-clone-burst", "2");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ptm soak: --ptys: ", outcome.Error);
        Assert.Contains("ptm soak: --duration: ", outcome.Error);
        Assert.Contains("ptm soak: --rate-clone-burst: ", outcome.Error);
        Assert.Null(workload.Options);
    }

    [Fact]
    public void An_option_that_does_not_parse_exits_2()
    {
        var workload = new ReplayWorkload(Traces.Clean());
        Assert.Equal(2, Run(() => workload, "--ptys", "many").ExitCode);
        Assert.Equal(2, Run(() => workload, "--no-such-option").ExitCode);
        Assert.Null(workload.Options);
    }

    [Fact]
    public void Options_reach_the_workload_as_given()
    {
        var workload = new ReplayWorkload(Traces.Clean());
        var outcome = Run(() => workload, "--duration", "90s", "--ptys", "12", "--seed", "77", "--deterministic", "--rate-abrupt-close", "0.25", "--memory-budget", "1GiB+128KiB");
        Assert.Equal(0, outcome.ExitCode);
        var options = workload.Options!;
        Assert.Equal(TimeSpan.FromSeconds(90), options.Duration);
        Assert.Equal(12, options.Ptys);
        Assert.Equal(77, options.Seed);
        Assert.True(options.Deterministic);
        Assert.Equal(0.25, options.FaultRate(FaultKind.AbruptClose));
        Assert.Equal(SoakOptions.DefaultFaultRates[FaultKind.CrashManager], options.FaultRate(FaultKind.CrashManager));
        Assert.Equal(new MemoryBudget(1L << 30, 128L << 10), options.MemoryBudget);
    }

    [Fact]
    public void A_clean_run_exits_0_prints_the_report_and_writes_the_json()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ptm-soak-{Guid.NewGuid():N}.json");
        try
        {
            var outcome = Run(() => new ReplayWorkload(Traces.Clean()), "--json", path, "--seed", "5");
            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("ptm soak report", outcome.Out);
            Assert.Contains("no violations", outcome.Out);
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            Assert.Equal(2, json.RootElement.GetProperty("sessions").GetInt64());
            Assert.Equal(5, json.RootElement.GetProperty("seed").GetInt64());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_run_with_a_violation_exits_1_and_names_it()
    {
        var outcome = Run(() => new ReplayWorkload(Traces.Clean().Add(new MinorsAllocated(9, 4))));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("minor_limit_exceeded", outcome.Out);
        Assert.Contains("9 minors allocated", outcome.Out);
    }

    [Fact]
    public void Durations_take_the_usual_units()
    {
        Assert.True(DurationText.TryParse("500ms", out var ms));
        Assert.Equal(TimeSpan.FromMilliseconds(500), ms);
        Assert.True(DurationText.TryParse("2m", out var minutes));
        Assert.Equal(TimeSpan.FromMinutes(2), minutes);
        Assert.True(DurationText.TryParse("45", out var seconds));
        Assert.Equal(TimeSpan.FromSeconds(45), seconds);
        Assert.False(DurationText.TryParse("2 weeks", out _));
    }

    [Fact]
    public void Flush_scope_follows_D6()
    {
        Assert.True(FlushScope.Touches(Side.Manager, FlushFlags.FLUSHW, Direction.ManagerToSubsidiary));
        Assert.False(FlushScope.Touches(Side.Manager, FlushFlags.FLUSHW, Direction.SubsidiaryToManager));
        Assert.True(FlushScope.Touches(Side.Manager, FlushFlags.FLUSHR, Direction.SubsidiaryToManager));
        Assert.True(FlushScope.Touches(Side.Subsidiary, FlushFlags.FLUSHR, Direction.ManagerToSubsidiary));
        Assert.False(FlushScope.Touches(Side.Subsidiary, FlushFlags.FLUSHR, Direction.SubsidiaryToManager));
        Assert.True(FlushScope.Touches(Side.Subsidiary, FlushFlags.FLUSHW, Direction.SubsidiaryToManager));
        Assert.True(FlushScope.Touches(Side.Subsidiary, FlushFlags.FLUSHRW, Direction.ManagerToSubsidiary));
    }
}
