using Ptm.Actors.TestKit.Deterministic;
using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.TestKit.Timing;
using Serilog;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// The pty system a soak run drives, and the two things the run needs of it beyond the host
/// API: virtual time for a deterministic run, and holding the Clone actor's mailbox for the
/// timer_delay fault. Both kinds are the TestKit's, whose mailboxes faults can reach: a
/// deterministic run is a seeded system on virtual time (its WhenIdleAsync runs the actors on
/// the calling thread, picked by the seed); otherwise the actors run on the ThreadPool as
/// PtySystem.Create runs them, and holds end on Akka.NET's real-time scheduler.
/// </summary>
internal sealed class SoakPtys
{
    private readonly FaultInjector _faults;
    private readonly VirtualClock? _clock;

    private SoakPtys(PtySystem system, bool deterministic)
    {
        System = system;
        Deterministic = deterministic;
        _faults = new FaultInjector(system.ActorSystem);
        _clock = deterministic ? system.Clock() : null;
    }

    public PtySystem System { get; }

    public bool Deterministic { get; }

    /// <summary>The seed of a deterministic run's interleaving, folded from the workload's 64-bit seed.</summary>
    public static int InterleavingSeed(long seed) => unchecked((int)(seed ^ (seed >> 32)));

    public static SoakPtys Create(SoakOptions options, PtySystemOptions ptyOptions, ILogger? logger)
    {
        // A long run's trace would be the largest thing in memory, so the seeded system keeps none.
        var system = options.Deterministic
            ? DeterministicPtys.Create(InterleavingSeed(options.Seed), ptyOptions, logger, recordTrace: false)
            : FaultablePtys.Create(ptyOptions, logger);
        return new SoakPtys(system, options.Deterministic);
    }

    /// <summary>How long until the pty system's next timer is due on the virtual clock (null: none armed, or real time).</summary>
    public TimeSpan? NextTimerIn => _clock?.NextDueAt is { } due ? due - _clock.GetUtcNow() : null;

    /// <summary>Moves a deterministic run's virtual time on; the holds it ends are released at the next drive.</summary>
    public void Advance(TimeSpan by) => _clock?.Advance(by);

    /// <summary>Holds the Clone actor's mailbox for <paramref name="delay"/> (virtual time when deterministic); false once the system is going away.</summary>
    public bool DelayClone(TimeSpan delay)
    {
        if (System.IsDisposed) return false;
        _faults.HoldFor(System.CloneActor, delay);
        return true;
    }
}
