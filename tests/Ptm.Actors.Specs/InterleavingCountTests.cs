using Ptm.Actors.Specs.Fakes;
using Ptm.Actors.TestKit.Scenarios;
using static Ptm.Actors.Specs.SpecHarness;

namespace Ptm.Actors.Specs;

/// <summary>
/// `ptm spec --seeds N` counts the distinct interleavings a spec's seeds produced (issue 18), so a
/// spec whose seeds all ran the same way shows up. An interleaving is the seeded dispatcher's run
/// order: the same seed gives the same one, a race gives several, a spec with no choice one.
/// </summary>
public class InterleavingCountTests
{
    // L1 L14 L16: one manager, nothing else: at every turn one actor alone has work, so no seed has a choice.
    private const string Sequential = """
        m = open /dev/ptmx
        ptsname m => "/dev/pts/1"
        close m
        """;

    // R7 L11 L13: a close racing a reopen of the same subsidiary, as the repository's race spec has it.
    private static SpecScript RaceSpec() => RepositorySpecs.Script("races/subsidiary_reopen_racing_its_last_close.pty");

    [Fact]
    public async Task A_spec_with_a_real_race_gives_more_than_one_interleaving_over_seeds()
    {
        var result = await ScenarioRunner.RunSeedsAsync(RaceSpec(), ScenarioTargets.Simulation, 10);
        Assert.True(result.Passed, result.Summary);
        Assert.Equal(10, result.SeedsRun);
        Assert.True(result.DistinctInterleavings > 1, result.Summary);
        Assert.False(result.RanOneWayOnly);
        Assert.Matches(@"^PASS specs/races/subsidiary_reopen_racing_its_last_close\.pty \(10 seeds, \d+ distinct interleavings\)$", result.Summary);
    }

    [Fact]
    public async Task A_purely_sequential_spec_gives_one_interleaving_and_is_flagged()
    {
        var result = await ScenarioRunner.RunSeedsAsync(Parse(Sequential), ScenarioTargets.Simulation, 10);
        Assert.True(result.Passed, result.Summary);
        Assert.Equal(1, result.DistinctInterleavings);
        Assert.True(result.RanOneWayOnly);
        Assert.Equal("PASS t.pty (10 seeds, 1 distinct interleaving: every seed ran the same way)", result.Summary);
    }

    [Fact]
    public async Task The_closes_the_runner_makes_after_the_last_step_are_not_part_of_the_interleaving()
    {
        // D13 D21: the steps run one way; the pair left open is closed by the runner, and the
        // manager's close tells the Clone and the subsidiary at once, which seeds order differently.
        var spec = Parse(OpenPair + "\nwrite m \"1\" => 1\nwrite s \"a\" => 1\nread s 64 => \"1\"\nread m 64 => \"a\"");
        var result = await ScenarioRunner.RunSeedsAsync(spec, ScenarioTargets.Simulation, 10);
        Assert.True(result.Passed, result.Summary);
        Assert.Equal(1, result.DistinctInterleavings);
        var wholeTraces = new HashSet<string>();
        for (var seed = 1; seed <= 10; seed++)
            wholeTraces.Add(string.Join("|", (await ScenarioRunner.RunAsync(spec, ScenarioTargets.Simulation, seed)).Trace));
        Assert.True(wholeTraces.Count > 1, "the clean-up never varied either: this test shows nothing");
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_interleaving_and_different_seeds_of_a_race_do_not_all()
    {
        var spec = RaceSpec();
        var first = await ScenarioRunner.RunAsync(spec, ScenarioTargets.Simulation, seed: 4);
        var again = await ScenarioRunner.RunAsync(spec, ScenarioTargets.Simulation, seed: 4);
        Assert.NotNull(first.Interleaving);
        Assert.Equal(first.Interleaving, again.Interleaving);
        var others = new HashSet<ulong?>();
        for (var seed = 1; seed <= 10; seed++) others.Add((await ScenarioRunner.RunAsync(spec, ScenarioTargets.Simulation, seed)).Interleaving);
        Assert.True(others.Count > 1, "ten seeds of a race all ran the same way");
    }

    [Fact]
    public async Task One_seed_is_one_interleaving_and_is_not_flagged()
    {
        var result = await ScenarioRunner.RunSeedsAsync(Parse(Sequential), ScenarioTargets.Simulation, 1);
        Assert.Equal((1, 1, false), (result.SeedsRun, result.DistinctInterleavings, result.RanOneWayOnly));
        Assert.Equal("PASS t.pty (1 seed, 1 distinct interleaving)", result.Summary);
    }

    [Fact]
    public async Task A_run_without_a_seeded_dispatcher_has_no_interleaving_and_no_count()
    {
        var unseeded = await ScenarioRunner.RunAsync(Parse(Sequential), ScenarioTargets.Simulation, seed: null);
        Assert.Null(unseeded.Interleaving);
        // A target that ignores the seed (as the Linux one does) records no trace: the sweep cannot
        // tell its runs apart, so it gives no count and flags nothing.
        var ignoring = await ScenarioRunner.RunSeedsAsync(Parse(Sequential), _ => ScenarioTargets.Simulation(null), 3);
        Assert.Equal((3, (int?)null, false), (ignoring.SeedsRun, ignoring.DistinctInterleavings, ignoring.RanOneWayOnly));
        Assert.Equal("PASS t.pty", ignoring.Summary);
    }

    [Fact]
    public async Task A_failing_seed_ends_the_sweep_and_its_line_carries_no_count()
    {
        // Seed 2 of the fake numbers its minors from 5: the spec fails there.
        var result = await ScenarioRunner.RunSeedsAsync(Parse(Sequential),
            seed => new FakePtyTarget(seed) { FirstMinor = seed == 2 ? 5 : 1 }, 5);
        Assert.False(result.Passed);
        Assert.Equal((2, 2), (result.Seed, result.SeedsRun));
        Assert.Equal("FAIL t.pty:2 (seed 2): expected \"/dev/pts/1\", got \"/dev/pts/5\"", result.Summary);
    }

    [Fact]
    public async Task Seeds_below_one_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ScenarioRunner.RunSeedsAsync(Parse(Sequential), ScenarioTargets.Simulation, 0));
    }
}
