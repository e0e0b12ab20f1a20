using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit.Tests;

public class TimingTests : TestKit
{
    [Fact]
    public async Task Within_passes_a_block_that_finishes_in_time_and_cuts_inner_waits_to_its_budget()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        await WithinAsync(TimeSpan.FromSeconds(3), async () =>
        {
            echo.Tell("quick", TestActor);
            await ExpectMsgAsync("quick");
        });
        // The inner wait asks for 10 s but the block's 100 ms budget wins: it fails fast and says so.
        var failure = await Assert.ThrowsAsync<TestKitFailure>(() =>
            WithinAsync(TimeSpan.FromMilliseconds(100), () => ExpectMsgAsync<string>(TimeSpan.FromSeconds(10))));
        Assert.Matches(@"budget \d+ ms", failure.Message);
    }

    [Fact]
    public async Task AwaitAssert_retries_until_the_system_catches_up()
    {
        var seen = new List<int>();
        var probe = CreateTestProbe();
        probe.SetAutoPilot((_, message) => { lock (seen) seen.Add((int)message); return true; });
        for (var i = 0; i < 100; i++) probe.Ref.Tell(i);
        await AwaitAssertAsync(() => { lock (seen) Assert.Equal(100, seen.Count); });
    }

    [Fact]
    public async Task AwaitCondition_returns_once_the_condition_holds()
    {
        var probe = CreateTestProbe();
        var count = 0;
        probe.SetAutoPilot((_, _) => { Interlocked.Increment(ref count); return true; });
        for (var i = 0; i < 10; i++) probe.Ref.Tell(i);
        await AwaitConditionAsync(() => Volatile.Read(ref count) == 10, what: "ten messages seen");
    }

    [Fact]
    public async Task One_dilation_factor_scales_every_timeout()
    {
        var kit = new ScratchKit(new TestKitSettings { Dilation = 2.5, DefaultTimeout = TimeSpan.FromSeconds(2) });
        Assert.Equal(TimeSpan.FromSeconds(5), kit.Driver.Budget(null));
        Assert.Equal(TimeSpan.FromSeconds(1), kit.Driver.Budget(TimeSpan.FromMilliseconds(400)));
        Assert.Equal(TimeSpan.FromSeconds(25), kit.Dilated(TimeSpan.FromSeconds(10)));
        await kit.DisposeAsync();
    }

    [Fact]
    public void The_dilation_factor_comes_from_one_environment_variable_and_bad_values_are_rejected()
    {
        Assert.Equal("PTM_TESTKIT_DILATION", Dilation.EnvironmentVariable);
        Assert.Equal(1.0, Dilation.Parse(null));
        Assert.Equal(3.5, Dilation.Parse("3.5"));
        var error = Assert.Throws<InvalidOperationException>(() => Dilation.Parse("fast"));
        Assert.Contains("PTM_TESTKIT_DILATION='fast' is not a positive number", error.Message);
        Assert.Throws<InvalidOperationException>(() => Dilation.Parse("-1"));
    }

    [Fact]
    public async Task Advancing_virtual_time_fires_a_timer_only_when_it_is_due_then_waits_for_idle()
    {
        UseVirtualTime();
        var timers = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, TimeSpan.FromSeconds(5))), "timers");
        timers.Tell("arm");
        await WaitForIdleAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(4.9));
        await ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromMilliseconds(100));
        await ExpectMsgAsync("fired");
    }

    [Fact]
    public async Task Advancing_stops_at_each_due_timer_so_chained_timers_all_fire()
    {
        UseVirtualTime();
        var timers = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, TimeSpan.FromSeconds(1))), "chain");
        timers.Tell("chain");
        await WaitForIdleAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(new object[] { "link", "link", "link" }, await ReceiveNAsync(3));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Ask_times_out_on_virtual_time_only_when_the_test_advances_it()
    {
        UseVirtualTime();
        var silent = CreateTestProbe("silent");
        var ask = silent.Ref.Ask<string>("anyone?", TimeSpan.FromSeconds(30));
        await silent.ExpectMsgAsync("anyone?");
        await AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.False(ask.IsCompleted);
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }
}
