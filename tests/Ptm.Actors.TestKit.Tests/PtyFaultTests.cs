using Ptm.Actors.TestKit.Deterministic;
using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.TestKit.Timing;

namespace Ptm.Actors.TestKit.Tests;

/// <summary>Fault injection on the pty actors: FaultablePtys on the ThreadPool, DeterministicPtys seeded.</summary>
public class PtyFaultTests
{
    [Fact]
    public async Task Holding_the_Clone_actor_delays_an_open_until_the_hold_ends()
    {
        await using var ptys = FaultablePtys.Create();
        var faults = new FaultInjector(ptys.ActorSystem);
        var hold = faults.Hold(ptys.CloneActor);
        var open = ptys.OpenManagerAsync();
        await ptys.WhenIdleAsync();
        Assert.False(open.IsCompleted, "the open was answered while the Clone actor was held");
        Assert.Equal(1, faults.QueuedMessages(ptys.CloneActor));
        hold.Dispose();
        var manager = await open.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, ptys.AllocatedMinors);
        await manager.DisposeAsync();
    }

    [Fact]
    public async Task HoldFor_the_Clone_actor_delays_an_open_until_virtual_time_passes()
    {
        var clock = new VirtualClock();
        await using var ptys = FaultablePtys.Create(clock: clock);
        Assert.Same(clock, ptys.Clock());
        var faults = new FaultInjector(ptys.ActorSystem);
        faults.HoldFor(ptys.CloneActor, TimeSpan.FromSeconds(5));
        var open = ptys.OpenManagerAsync();
        await ptys.WhenIdleAsync();
        clock.Advance(TimeSpan.FromSeconds(4.9));
        await ptys.WhenIdleAsync();
        Assert.False(open.IsCompleted, "the open was answered while the Clone actor was held");
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var manager = await open.WaitAsync(TimeSpan.FromSeconds(10));
        await manager.DisposeAsync();
    }

    [Fact]
    public async Task HoldFor_a_seeded_Clone_actor_delays_an_open_until_virtual_time_passes()
    {
        await using var ptys = DeterministicPtys.Create(seed: 5);
        var faults = new FaultInjector(ptys.ActorSystem);
        faults.HoldFor(ptys.CloneActor, TimeSpan.FromSeconds(5));
        var open = ptys.Posix.OpenManagerAsync(OpenFlags.None);
        ptys.RunUntilIdle();
        ptys.Clock().Advance(TimeSpan.FromSeconds(4.9));
        ptys.RunUntilIdle();
        Assert.False(open.IsCompleted, "the open was answered while the Clone actor was held");
        ptys.Clock().Advance(TimeSpan.FromSeconds(0.1));
        ptys.RunUntilIdle();
        Assert.True(open.IsCompleted, "the open was not answered once the hold ended");
        Assert.True((await open).IsOk);
        Assert.Empty(ptys.SeedingViolations());
    }

    [Fact]
    public async Task A_seeded_drive_fires_the_timers_due_now_on_its_own_thread()
    {
        await using var ptys = DeterministicPtys.Create(seed: 8);
        var faults = new FaultInjector(ptys.ActorSystem);
        faults.HoldFor(ptys.CloneActor, TimeSpan.Zero); // due at once: released by the drive, not by another thread
        var open = ptys.Posix.OpenManagerAsync(OpenFlags.None);
        ptys.RunUntilIdle();
        Assert.True(open.IsCompleted, "the open was not answered once the zero-length hold ended");
        Assert.True((await open).IsOk);
        Assert.Equal(TimeSpan.Zero, ptys.Clock().Elapsed);
        Assert.Empty(ptys.SeedingViolations());
    }

    [Fact]
    public async Task SlowDown_spaces_a_seeded_Clone_actor_s_messages_by_virtual_time()
    {
        await using var ptys = DeterministicPtys.Create(seed: 3);
        var faults = new FaultInjector(ptys.ActorSystem);
        faults.SlowDown(ptys.CloneActor, TimeSpan.FromSeconds(1));
        var first = ptys.Posix.OpenManagerAsync(OpenFlags.None);
        var second = ptys.Posix.OpenManagerAsync(OpenFlags.None);
        ptys.RunUntilIdle();
        Assert.Equal(1, new[] { first, second }.Count(call => call.IsCompleted));
        ptys.Clock().Advance(TimeSpan.FromSeconds(1));
        ptys.RunUntilIdle();
        Assert.True(first.IsCompleted && second.IsCompleted, "the second open was not answered a virtual second later");
        faults.SlowDown(ptys.CloneActor, TimeSpan.Zero);
    }

    [Fact]
    public async Task A_real_time_pty_system_has_no_virtual_clock_and_says_how_to_get_one()
    {
        await using var ptys = FaultablePtys.Create();
        var error = Assert.Throws<InvalidOperationException>(() => ptys.Clock());
        Assert.Contains("FaultablePtys.Create with a VirtualClock", error.Message);
    }

    [Fact]
    public async Task A_seeded_Clone_actor_can_be_held_and_its_trace_still_names_each_message()
    {
        await using var ptys = DeterministicPtys.Create(seed: 11);
        var faults = new FaultInjector(ptys.ActorSystem);
        var hold = faults.Hold(ptys.CloneActor);
        var open = ptys.Posix.OpenManagerAsync(OpenFlags.None);
        ptys.RunUntilIdle();
        Assert.False(open.IsCompleted, "the open was answered while the Clone actor was held");
        hold.Dispose();
        ptys.RunUntilIdle();
        Assert.True(open.IsCompleted, "the open was not answered once the hold ended");
        Assert.True((await open).IsOk);
        Assert.Contains(ptys.Trace(), entry => entry.StartsWith("ptys-1:", StringComparison.Ordinal));
        Assert.Empty(ptys.SeedingViolations());
    }
}
