using Ptm.Actors.Specs.Fakes;
using Ptm.Actors.TestKit.Scenarios;
using Ptm.Actors.TestKit.Timing;
using static Ptm.Actors.Specs.SpecHarness;

namespace Ptm.Actors.Specs;

/// <summary>`sleep`: virtual time moves only when a spec sleeps, and the timers due on the way fire.</summary>
public class SleepTests
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(15); // H3: a close waits at most 15 s for its data to drain

    private static FakePtyTarget Draining() => new() { CloseDrainLimit = DrainLimit };

    [Fact]
    public async Task Sleep_fires_a_timer_only_once_its_time_has_come()
    {
        var target = Draining();
        var result = await PassesAsync(OpenPair + """

            write m "hi" => 2
            c = close m &
            pending c
            sleep 14.9
            pending c
            sleep 0.1
            await c => ok
            read s 8 => "hi"
            read s 8 => EOF
            """, target);
        Assert.Equal(TimeSpan.FromSeconds(15), target.Clock.Elapsed);
        Assert.Equal(["advance 14.9", "advance 0.1"], target.Calls.Where(c => c.StartsWith("advance", StringComparison.Ordinal)));
        Assert.Equal("8: sleep 14.9  -> idle", result.Transcript[7]);
    }

    [Fact]
    public async Task A_call_waiting_for_a_timer_is_blocked_because_time_never_moves_by_itself()
    {
        var target = Draining();
        await FailsAsync(OpenPair + "\nwrite m \"hi\"\nclose m", 6, "blocked: the call is still incomplete once the system is idle", target);
        Assert.Equal(TimeSpan.Zero, target.Clock.Elapsed);
    }

    [Fact]
    public async Task A_pending_timer_is_not_activity_so_await_reports_the_call_blocked()
    {
        var target = Draining();
        await FailsAsync(OpenPair + "\nwrite m \"hi\"\nc = close m &\nawait c => ok", 7,
            "blocked: the call of line 6 is still pending once the system is idle", target);
        Assert.Equal(1, target.Clock.PendingTimers); // the drain's time limit was armed, and left alone
    }

    [Fact]
    public async Task Sleep_waits_for_a_call_just_started_to_arm_its_timer_before_time_moves()
    {
        // No `pending c` in between: the close has not even reached the fake when `sleep` begins.
        await PassesAsync(OpenPair + "\nwrite m \"hi\"\nc = close m &\nsleep 15\nawait c => ok", Draining());
    }

    [Fact]
    public async Task The_effects_of_a_fired_timer_have_settled_when_sleep_ends()
    {
        // The drain's end closes the manager: the subsidiary sees the hang-up at the next step.
        await PassesAsync(OpenPair + "\nwrite m \"hi\"\nc = close m &\npending c\nsleep 20\npoll s => POLLIN|POLLHUP\nawait c => ok", Draining());
    }

    [Fact]
    public async Task A_timer_armed_in_reaction_to_another_fires_within_the_same_advance()
    {
        var clock = new VirtualClock();
        var firstFired = false;
        var followUpAt = new List<TimeSpan>();
        using var first = clock.CreateTimer(_ => firstFired = true, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        ITimer? followUp = null;
        // The settle step stands for the actors: only once it has run does the follow-up exist.
        Task Settle()
        {
            if (firstFired && followUp is null)
                followUp = clock.CreateTimer(_ => followUpAt.Add(clock.Elapsed), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        }
        await clock.AdvanceSettlingAsync(TimeSpan.FromSeconds(15), Settle);
        Assert.Equal([TimeSpan.FromSeconds(10)], followUpAt);
        Assert.Equal(TimeSpan.FromSeconds(15), clock.Elapsed);
        followUp?.Dispose();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(3)]
    public async Task Every_spec_system_runs_its_akka_scheduler_on_virtual_time(int? seed)
    {
        var target = (PtyScenarioTarget)PtyScenarioTarget.Create(seed);
        var clock = target.Ptys.Clock(); // throws for a system on real time
        var fired = new List<TimeSpan>();
        var scheduler = target.Ptys.ActorSystem.Scheduler.Advanced;
        scheduler.ScheduleOnce(TimeSpan.FromSeconds(15), () => fired.Add(clock.Elapsed));
        scheduler.ScheduleOnce(TimeSpan.Zero, () => fired.Add(clock.Elapsed)); // due now: part of the idle wait
        await target.WhenIdleAsync();
        Assert.Equal([TimeSpan.Zero], fired);
        await target.AdvanceClockAsync(TimeSpan.FromSeconds(14.9));
        Assert.Equal([TimeSpan.Zero], fired);
        await target.AdvanceClockAsync(TimeSpan.FromSeconds(0.1));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(15)], fired);
        await target.DisposeAsync();
        Assert.Empty(target.Leftovers);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_spec_that_sleeps_runs_on_the_pty_actors(int? seed)
    {
        var result = await ScenarioRunner.RunAsync(Parse(OpenPair + "\nsleep 15\nwrite m \"x\" => 1\nsleep 0.5\nread s 1 => \"x\""), PtyScenarioTarget.Create, seed);
        Assert.True(result.Passed, result.Summary + "\n" + string.Join("\n", result.Transcript));
    }
}
