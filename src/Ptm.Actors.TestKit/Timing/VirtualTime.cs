namespace Ptm.Actors.TestKit.Timing;

/// <summary>The virtual clock of a pty system made by the kit.</summary>
public static class VirtualTime
{
    /// <summary>
    /// The clock a pty system's Akka.NET scheduler runs on: always there for DeterministicPtys
    /// (seeded systems run on virtual time), and for FaultablePtys made with a clock. Advance it
    /// to fire timers; a seeded system's RunUntilIdle fires those due now.
    /// </summary>
    public static VirtualClock Clock(this PtySystem ptys)
    {
        ArgumentNullException.ThrowIfNull(ptys);
        return VirtualScheduler.ClockOf(ptys.ActorSystem)
            ?? throw new InvalidOperationException("This pty system runs on real time: create it with DeterministicPtys.Create, or FaultablePtys.Create with a VirtualClock.");
    }

    /// <summary>
    /// Moves <paramref name="clock"/> forward by <paramref name="by"/> one due time at a time,
    /// awaiting <paramref name="settle"/> (the system's idle wait) after each. A timer only tells
    /// an actor something; what the actor arms in reaction exists once it has run, so advancing
    /// in one go would fire that follow-up late, at the end instead of when it falls due.
    /// </summary>
    public static async Task AdvanceSettlingAsync(this VirtualClock clock, TimeSpan by, Func<Task> settle)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(settle);
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "Virtual time cannot go backwards.");
        var target = clock.GetUtcNow() + by;
        while (clock.NextDueAt is { } next && next <= target)
        {
            clock.AdvanceTo(next);
            await settle().ConfigureAwait(false);
        }
        clock.AdvanceTo(target);
    }
}
