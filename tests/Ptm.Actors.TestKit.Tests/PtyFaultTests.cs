using Ptm.Actors.TestKit.Deterministic;
using Ptm.Actors.TestKit.Faults;

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
    public async Task HoldFor_the_Clone_actor_delays_an_open_until_time_passes()
    {
        await using var ptys = FaultablePtys.Create();
        var faults = new FaultInjector(ptys.ActorSystem);
        faults.HoldFor(ptys.CloneActor, TimeSpan.FromMilliseconds(300));
        var open = ptys.OpenManagerAsync();
        await ptys.WhenIdleAsync();
        Assert.False(open.IsCompleted, "the open was answered while the Clone actor was held");
        var manager = await open.WaitAsync(TimeSpan.FromSeconds(10));
        await manager.DisposeAsync();
    }

    [Fact]
    public async Task A_seeded_Clone_actor_can_be_held_and_its_trace_still_names_each_message()
    {
        await using var ptys = DeterministicPtys.Create(seed: 11);
        var faults = new FaultInjector(ptys.ActorSystem);
        var hold = faults.Hold(ptys.CloneActor);
        var open = ptys.Posix.posix_openpt(OpenFlags.None);
        ptys.RunUntilIdle();
        Assert.False(open.IsCompleted, "the open was answered while the Clone actor was held");
        hold.Dispose();
        ptys.RunUntilIdle();
        Assert.True(open.IsCompletedSuccessfully && open.Result.IsOk, "the open was not answered once the hold ended");
        Assert.Contains(ptys.Trace(), entry => entry.StartsWith("ptys-1:", StringComparison.Ordinal));
        Assert.Empty(ptys.SeedingViolations());
    }
}
