using Ptm.Actors.Runtime;
using Ptm.Actors.TestKit.Kit;

namespace Ptm.Actors.TestKit;

/// <summary>Idle detection and virtual time, on the ThreadPool and seeded.</summary>
public abstract partial class TestKit
{
    private static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(10);
    private int _violationsReported;

    /// <summary>
    /// Completes once the test's actors have nothing left to do and no timer is due now.
    /// Seeded, it runs them here, one message at a time as the seed picks, firing due timers on
    /// this thread between runs. On the ThreadPool it waits until the dispatcher's count of queued
    /// and running mailbox runs is zero (firing due virtual timers first), failing after
    /// <paramref name="timeout"/> (dilated; 10 s unless given). Either way it first waits for
    /// top-level actors Akka.NET's guardian is still starting.
    /// </summary>
    public async Task WaitForIdleAsync(TimeSpan? timeout = null)
    {
        var budget = Dilated(timeout ?? DefaultIdleTimeout);
        try
        {
            await TopLevelActors.AwaitStartedAsync(Sys, budget).ConfigureAwait(false);
        }
        catch (TimeoutException slow)
        {
            throw new TestKitFailure($"{slow.Message}.{SeedNote}");
        }
        if (SeededDriver is { } seeded)
        {
            seeded.RunUntilIdle();
            var violations = seeded.Violations;
            if (violations.Count > _violationsReported)
            {
                _violationsReported = violations.Count;
                throw new TestKitFailure($"The seeded interleaving left the seed's control: {violations[^1]}.{SeedNote}");
            }
            return;
        }
        var idle = DispatcherDrivers.For(Sys, KitConfig.TestDispatcher);
        var clock = _mode.IsVirtual ? Clock : null;
        do
        {
            try
            {
                await idle.WhenIdleAsync().WaitAsync(budget).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TestKitFailure($"The actor system '{Sys.Name}' did not become idle within {budget.TotalMilliseconds:0} ms: some actor keeps working or a timer keeps firing.{SeedNote}");
            }
        }
        while (clock is not null && clock.FireDue() > 0);
    }

    /// <summary>
    /// Moves virtual time forward by <paramref name="by"/>, stopping at each due timer to let the
    /// actors react (and arm new timers) before time moves on, then waits for idle.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        if (!_mode.IsVirtual)
            throw new InvalidOperationException("AdvanceAsync needs virtual time: call UseVirtualTime() or UseSeed(seed) first.");
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "Virtual time cannot go backwards.");
        var clock = Clock;
        var target = clock.GetUtcNow() + by;
        await WaitForIdleAsync().ConfigureAwait(false);
        while (clock.NextDueAt is { } due && due <= target)
        {
            clock.AdvanceTo(due);
            await WaitForIdleAsync().ConfigureAwait(false);
        }
        clock.AdvanceTo(target);
        await WaitForIdleAsync().ConfigureAwait(false);
    }
}
