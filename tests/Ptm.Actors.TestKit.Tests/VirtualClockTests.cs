using Ptm.Actors.TestKit.Timing;

namespace Ptm.Actors.TestKit.Tests;

public class VirtualClockTests
{
    [Fact]
    public void Time_moves_only_when_advanced_and_timers_fire_in_due_order_at_their_due_time()
    {
        var clock = new VirtualClock();
        var fired = new List<(string Name, TimeSpan At)>();
        clock.Schedule(TimeSpan.FromSeconds(3), TimeSpan.Zero, () => fired.Add(("three", clock.Elapsed)), null);
        clock.Schedule(TimeSpan.FromSeconds(1), TimeSpan.Zero, () => fired.Add(("one", clock.Elapsed)), null);
        Assert.Equal(VirtualClock.DefaultStart, clock.GetUtcNow());
        Assert.Equal(VirtualClock.DefaultStart + TimeSpan.FromSeconds(1), clock.NextDueAt);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal([("one", TimeSpan.FromSeconds(1)), ("three", TimeSpan.FromSeconds(3))], fired);
        Assert.Equal(TimeSpan.FromSeconds(5), clock.Elapsed);
        Assert.Null(clock.NextDueAt);
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_passed()
    {
        var clock = new VirtualClock();
        var ticks = 0;
        clock.Schedule(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), () => ticks++, null);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(6, ticks);
        Assert.Equal(VirtualClock.DefaultStart + TimeSpan.FromMinutes(70), clock.NextDueAt);
    }

    [Fact]
    public void A_timer_armed_by_a_firing_timer_fires_in_the_same_advance_if_due()
    {
        var clock = new VirtualClock();
        var links = 0;
        void Link()
        {
            links++;
            clock.Schedule(TimeSpan.FromSeconds(1), TimeSpan.Zero, Link, null);
        }
        clock.Schedule(TimeSpan.FromSeconds(1), TimeSpan.Zero, Link, null);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, links);
    }

    [Fact]
    public void Cancelled_and_disposed_timers_do_not_fire_and_are_not_due()
    {
        var clock = new VirtualClock();
        var cancelled = false;
        var fired = 0;
        clock.Schedule(TimeSpan.FromSeconds(1), TimeSpan.Zero, () => fired++, () => cancelled);
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        cancelled = true;
        timer.Dispose();
        Assert.Null(clock.NextDueAt);
        Assert.Equal(0, clock.PendingTimers);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, fired);
    }

    [Fact]
    public void A_changed_timer_fires_once_at_its_new_due_time()
    {
        var clock = new VirtualClock();
        var fired = new List<TimeSpan>();
        var timer = clock.CreateTimer(_ => fired.Add(clock.Elapsed), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromSeconds(4), Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromSeconds(4), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([TimeSpan.FromSeconds(4)], fired);
    }

    [Fact]
    public void FireDue_fires_only_what_is_due_now()
    {
        var clock = new VirtualClock();
        var fired = new List<string>();
        clock.Schedule(TimeSpan.Zero, TimeSpan.Zero, () => fired.Add("now"), null);
        clock.Schedule(TimeSpan.FromTicks(1), TimeSpan.Zero, () => fired.Add("later"), null);
        Assert.Equal(1, clock.FireDue());
        Assert.Equal(["now"], fired);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public void Virtual_time_cannot_go_backwards()
    {
        var clock = new VirtualClock();
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
        clock.Advance(TimeSpan.FromSeconds(2));
        clock.AdvanceTo(VirtualClock.DefaultStart);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed);
    }
}
