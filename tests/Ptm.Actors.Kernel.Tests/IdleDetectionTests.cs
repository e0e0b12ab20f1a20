using Ptm.Actors.Kernel.Dispatch;

namespace Ptm.Actors.Kernel.Tests;

public class IdleDetectionTests
{
    /// <summary>
    /// Idle detection skips its lock when nobody waits. The dangerous interleaving: the waiter has
    /// looked (not idle yet) but not registered, and the last activity ends right then, running
    /// Check, which sees no waiter. The timer-due probe is consulted inside the waiter's first
    /// look, so it plays that other thread here: a due timer fires, its work finishes and Check
    /// runs, all before the waiter registers. The wait must complete anyway.
    /// </summary>
    [Fact]
    public void A_wait_for_idle_that_races_the_last_activity_is_never_lost()
    {
        IdleTracker? tracker = null;
        var looks = 0;
        tracker = new IdleTracker(() =>
        {
            if (++looks > 1) return false; // the timer has fired: nothing is due any more
            tracker!.Check();              // ...and its work ended before the waiter registered
            return true;                   // but at the moment of the first look it was due
        });

        var wait = tracker.WhenIdleAsync();

        Assert.True(wait.IsCompleted, "the wait for idle was lost: Check ran between the waiter's look and its registration");
    }

    [Fact]
    public void A_registered_waiter_is_woken_when_the_last_busy_mailbox_leaves()
    {
        var tracker = new IdleTracker(() => false);
        tracker.Enter();
        var wait = tracker.WhenIdleAsync();
        Assert.False(wait.IsCompleted);
        tracker.Exit();
        Assert.True(wait.IsCompleted);
    }
}
