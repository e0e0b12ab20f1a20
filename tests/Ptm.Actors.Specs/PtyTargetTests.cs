using Ptm.Actors.TestKit.Scenarios;
using static Ptm.Actors.Specs.SpecHarness;

namespace Ptm.Actors.Specs;

/// <summary>The runner on the real pty actors (Akka.NET): seeds replay, failures name their seed, idleness is trustworthy.</summary>
public class PtyTargetTests
{
    // R7 L11 L13: the reopen may join the old stream or get a new one, as the interleaving falls.
    private const string ReopenRace = """
        m = open /dev/ptmx nonblock
        grantpt m
        unlockpt m
        s = open pts(m)
        c = close s &
        o = open pts(m) &
        await c => ok
        await o => ok
        read m 64 => EOF or EAGAIN
        """;

    [Fact]
    public async Task The_same_seed_gives_the_same_transcript_and_trace_on_the_pty_actors()
    {
        var spec = Parse(ReopenRace);
        var first = await ScenarioRunner.RunAsync(spec, PtyScenarioTarget.Create, 7);
        var second = await ScenarioRunner.RunAsync(spec, PtyScenarioTarget.Create, 7);
        Assert.True(first.Passed, first.Summary);
        Assert.Equal(first.Transcript, second.Transcript);
        Assert.NotEmpty(first.Trace);
        Assert.Equal(first.Trace, second.Trace);
    }

    [Fact]
    public async Task Different_seeds_interleave_the_actors_differently()
    {
        var spec = Parse(ReopenRace);
        var traces = new HashSet<string>();
        for (var seed = 1; seed <= 10; seed++)
        {
            var result = await ScenarioRunner.RunAsync(spec, PtyScenarioTarget.Create, seed);
            Assert.True(result.Passed, result.Summary);
            traces.Add(string.Join("\n", result.Trace));
        }
        Assert.True(traces.Count > 1, "ten seeds ran the actors in one order: the seed chooses nothing");
    }

    [Fact]
    public async Task A_failing_spec_on_the_pty_actors_names_its_seed_and_line_and_keeps_the_trace()
    {
        var result = await ScenarioRunner.RunAsync(Parse("m = open /dev/ptmx\n\nptsname m => \"/dev/pts/2\""), PtyScenarioTarget.Create, 4);
        Assert.Equal("FAIL t.pty:3 (seed 4): expected \"/dev/pts/2\", got \"/dev/pts/1\"", result.Summary);
        Assert.Contains(result.Trace, entry => entry.EndsWith(":OpenManagerRequest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_the_ordinary_dispatcher_a_call_made_at_once_is_complete_at_the_first_idle()
    {
        // The Clone starts on Akka.NET's guardian thread after the target exists: the idle wait must not beat it.
        for (var i = 0; i < 20; i++)
        {
            var target = PtyScenarioTarget.Create(null);
            var open = target.OpenAsync("/dev/ptmx", ScenarioOpenFlags.None, ScenarioCredentials.Root);
            await target.WhenIdleAsync();
            Assert.True(open.IsCompleted, $"attempt {i}: the open was still incomplete once the system was idle");
            Assert.Equal(0, (await open).Errno);
            await target.CloseAsync((int)open.Result.Value, ScenarioCredentials.Root);
            await target.WhenIdleAsync();
            await target.DisposeAsync();
            Assert.Empty(target.Leftovers);
        }
    }
}
