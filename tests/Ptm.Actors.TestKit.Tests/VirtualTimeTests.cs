using Akka.Actor;

namespace Ptm.Actors.TestKit.Tests;

public class VirtualTimeTests : TestKit
{
    [Fact]
    public async Task Advancing_fires_a_timer_only_when_it_is_due_then_waits_for_idle()
    {
        UseVirtualTime();
        var timers = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, TimeSpan.FromSeconds(5))), "timers");
        timers.Tell("arm", ActorRefs.NoSender);
        await AdvanceAsync(TimeSpan.FromSeconds(4.9));
        ExpectNoMsg(TimeSpan.Zero);
        await AdvanceAsync(TimeSpan.FromMilliseconds(100));
        ExpectMsg("fired", TimeSpan.Zero);
    }

    [Fact]
    public async Task Advancing_stops_at_each_due_timer_so_chained_timers_all_fire()
    {
        UseVirtualTime();
        var timers = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, TimeSpan.FromSeconds(1))), "chain");
        timers.Tell("chain", ActorRefs.NoSender);
        await AdvanceAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(new object[] { "link", "link", "link" }, ReceiveN(3));
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public async Task Seeded_tests_run_on_virtual_time_and_a_periodic_timer_fires_once_per_period()
    {
        UseSeed(7);
        var timers = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, TimeSpan.FromMinutes(10))), "timers");
        timers.Tell("periodic", ActorRefs.NoSender);
        await AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(6, ReceiveN(6).Count);
        ExpectNoMsg(TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromHours(1), Clock.Elapsed);
        Assert.Empty(SeedingViolations);
    }

    [Fact]
    public async Task HoldFor_releases_after_the_virtual_while()
    {
        UseSeed(3);
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        await WaitForIdleAsync();
        Faults.HoldFor(echo, TimeSpan.FromSeconds(10));
        echo.Tell("held", TestActor);
        await AdvanceAsync(TimeSpan.FromSeconds(9));
        ExpectNoMsg(TimeSpan.Zero);
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        ExpectMsg("held", TimeSpan.Zero);
    }

    [Fact]
    public async Task SlowDown_spaces_messages_by_virtual_time_without_reordering()
    {
        UseSeed(5);
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        await WaitForIdleAsync();
        Faults.SlowDown(echo, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 3; i++) echo.Tell(i, TestActor);
        await WaitForIdleAsync();
        ExpectMsg(0, TimeSpan.Zero);
        ExpectNoMsg(TimeSpan.Zero);
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        ExpectMsg(1, TimeSpan.Zero);
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        ExpectMsg(2, TimeSpan.Zero);
        Faults.SlowDown(echo, TimeSpan.Zero);
    }

    [Fact]
    public async Task Real_time_tests_have_no_virtual_clock_and_say_how_to_get_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Clock);
        Assert.Contains("UseVirtualTime()", error.Message);
        var advance = await Assert.ThrowsAsync<InvalidOperationException>(() => AdvanceAsync(TimeSpan.FromSeconds(1)));
        Assert.Contains("needs virtual time", advance.Message);
    }
}
