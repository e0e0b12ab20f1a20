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
}
