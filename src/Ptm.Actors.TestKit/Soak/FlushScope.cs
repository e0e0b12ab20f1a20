using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak;

/// <summary>
/// Which byte streams a flush may discard from (pty-semantics.md section 2.2, D6; PD14 lets a
/// flush discard), so a workload opens discard windows on exactly those.
/// </summary>
internal static class FlushScope
{
    /// <summary>True if a flush issued on side with these flags may discard bytes travelling in direction.</summary>
    public static bool Touches(Side side, FlushFlags flags, Direction direction) => (side, direction) switch
    {
        // Manager FLUSHW: its write queue and the subsidiary read side. FLUSHR: the round trip
        // through the subsidiary stream head empties everything in flight subsidiary->manager.
        (Side.Manager, Direction.ManagerToSubsidiary) => flags.HasFlag(FlushFlags.FLUSHW),
        (Side.Manager, Direction.SubsidiaryToManager) => flags.HasFlag(FlushFlags.FLUSHR),
        // Subsidiary FLUSHR: its own read side only (manager write-queue data still arrives later,
        // but what had reached the subsidiary is gone). FLUSHW: pts write queue and the manager read side.
        (Side.Subsidiary, Direction.ManagerToSubsidiary) => flags.HasFlag(FlushFlags.FLUSHR),
        (Side.Subsidiary, Direction.SubsidiaryToManager) => flags.HasFlag(FlushFlags.FLUSHW),
        _ => false,
    };
}
