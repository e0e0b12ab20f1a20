using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Moves a system forward for the kit: runs a deterministic system until nothing is ready, waits
/// for a thread-pool system to become idle (quiescence instead of sleeping), and advances virtual
/// time one due timer at a time so actors react to each before the next fires.
/// </summary>
public sealed class SystemDriver
{
    internal SystemDriver(ActorSystem system, VirtualClock? clock, TestKitSettings settings, int? seed)
    {
        System = system;
        Clock = clock;
        Settings = settings;
        Seed = seed;
    }

    public ActorSystem System { get; }
    public VirtualClock? Clock { get; }
    public TestKitSettings Settings { get; }

    /// <summary>The deterministic seed, or null on the thread pool.</summary>
    public int? Seed { get; }

    /// <summary>" [deterministic seed N: rerun with it to replay]" or empty; every failure message ends with it.</summary>
    public string SeedNote => Seed is { } seed ? $" [deterministic seed {seed}: rerun with [DeterministicSeed({seed})] or UseSeed({seed}) to replay]" : "";

    public TimeSpan Dilated(TimeSpan duration) => Settings.Dilated(duration);

    /// <summary>The dilated timeout for a wait, cut short by an enclosing Within block.</summary>
    public TimeSpan Budget(TimeSpan? requested)
    {
        var budget = Dilated(requested ?? Settings.DefaultTimeout);
        return Within.Remaining is { } remaining && remaining < budget ? remaining : budget;
    }

    /// <summary>Runs a deterministic system (and timers due now) until nothing is ready. No-op on the thread pool.</summary>
    public void RunUntilIdle()
    {
        if (!System.IsDeterministic) return;
        while (true)
        {
            System.RunUntilIdle();
            if (Clock is null || Clock.FireDue() == 0) return;
        }
    }

    /// <summary>Completes when no actor has work and no timer is due now.</summary>
    public async Task WaitForIdleAsync(TimeSpan? timeout = null)
    {
        if (System.IsDeterministic)
        {
            RunUntilIdle();
            return;
        }
        var budget = Budget(timeout);
        Clock?.FireDue();
        try
        {
            await System.WhenIdleAsync().WaitAsync(budget).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TestKitFailure($"The actor system '{System.Name}' did not become idle within {budget.TotalMilliseconds:0} ms (dilation {Settings.Dilation}): some actor keeps working or a timer keeps firing.{SeedNote}");
        }
    }

    /// <summary>Moves virtual time forward, stopping at each due timer to let the actors react, then waits for idle.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        if (Clock is null)
            throw new InvalidOperationException("AdvanceAsync needs virtual time: set TestKitSettings.VirtualTime (or run deterministically with a seed).");
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "Virtual time cannot go backwards.");
        var target = Clock.GetUtcNow() + by;
        await WaitForIdleAsync().ConfigureAwait(false);
        while (Clock.NextDueAt is { } due && due <= target)
        {
            Clock.AdvanceTo(due);
            await WaitForIdleAsync().ConfigureAwait(false);
        }
        Clock.AdvanceTo(target);
        await WaitForIdleAsync().ConfigureAwait(false);
    }
}
