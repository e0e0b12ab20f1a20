using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs;

/// <summary>What a test author outside this repository does with the TestKit's public runner: parse a spec, run it on a named target.</summary>
public class ScenarioTargetsTests
{
    // C10: the canonical sequence and one byte each way.
    private const string Echo = """
        m = open /dev/ptmx noctty
        grantpt m
        unlockpt m
        s = open pts(m) noctty
        write s "ping" => 4
        read m 64 => "ping"
        """;

    private static SpecScript Script()
    {
        var parsed = SpecParser.Parse("echo.pty", Echo);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return parsed.Script!;
    }

    [Fact]
    public async Task A_seeded_run_on_the_simulation_passes_and_keeps_its_trace()
    {
        var result = await ScenarioRunner.RunAsync(Script(), ScenarioTargets.Simulation, seed: 3);
        Assert.True(result.Passed, result.Summary);
        Assert.Equal("PASS echo.pty", result.Summary);
        Assert.NotEmpty(result.Trace);
    }

    [Fact]
    public async Task An_unseeded_run_on_the_simulation_passes_without_a_trace()
    {
        var result = await ScenarioRunner.RunAsync(Script(), ScenarioTargets.Simulation, seed: null);
        Assert.True(result.Passed, result.Summary);
        Assert.Empty(result.Trace);
    }
}
