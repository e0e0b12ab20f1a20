using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit.Tests;

public class DeterministicTests : TestKit
{
    [Fact, DeterministicSeed(42)]
    public async Task The_seed_attribute_puts_the_test_on_the_deterministic_dispatcher()
    {
        Assert.True(Sys.IsDeterministic);
        Assert.Equal(42, Driver.Seed);
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("hi", TestActor);
        await ExpectMsgAsync("hi");
    }

    [Theory, Seeds(1, 25)]
    public async Task Rerunning_a_seed_replays_the_same_interleaving(int seed)
    {
        UseSeed(seed);
        var first = await RunScenarioAsync(this);
        var replay = new ScratchKit(new TestKitSettings { Seed = seed });
        var second = await RunScenarioAsync(replay);
        await replay.DisposeAsync();
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Different_seeds_give_different_interleavings()
    {
        var traces = new HashSet<string>();
        for (var seed = 1; seed <= 10; seed++)
        {
            var kit = new ScratchKit(new TestKitSettings { Seed = seed });
            traces.Add(string.Join("|", await RunScenarioAsync(kit)));
            await kit.DisposeAsync();
        }
        Assert.True(traces.Count > 5, $"10 seeds gave only {traces.Count} distinct interleavings");
    }

    [Fact, DeterministicSeed(7)]
    public async Task Virtual_time_is_on_for_deterministic_runs()
    {
        var timers = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, TimeSpan.FromMinutes(10))), "timers");
        timers.Tell("periodic");
        await AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(6, (await ReceiveNAsync(6)).Count);
        await ExpectNoMsgAsync();
    }

    private static async Task<IReadOnlyList<string>> RunScenarioAsync(TestKit kit)
    {
        var probe = kit.CreateTestProbe("sink");
        for (var i = 0; i < 4; i++)
        {
            var relay = kit.Sys.ActorOf(Props.Create(() => new Relay(probe.Ref)), "relay" + i);
            for (var m = 0; m < 3; m++) relay.Tell($"{i}.{m}");
        }
        await probe.ReceiveNAsync(12);
        return kit.Sys.Trace;
    }
}
