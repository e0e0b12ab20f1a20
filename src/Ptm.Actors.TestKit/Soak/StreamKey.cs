namespace Ptm.Actors.TestKit.Soak;

/// <summary>Which way bytes travel through a pty.</summary>
internal enum Direction
{
    /// <summary>Written on the manager, read on the subsidiary.</summary>
    ManagerToSubsidiary,

    /// <summary>Written on the subsidiary, read on the manager.</summary>
    SubsidiaryToManager,
}

/// <summary>One side of a pty.</summary>
internal enum Side
{
    Manager,
    Subsidiary,
}

/// <summary>
/// Names one byte stream: a session's bytes in one direction during one subsidiary open
/// epoch. Epochs start at 1 with the first subsidiary open of the session and count up at each
/// reopen after a last close (L11). Manager output is tied to the epoch it was written for
/// because PD5 forbids a later subsidiary from ever seeing it; the payload of each stream is
/// different (PayloadPattern), so a leak across epochs or sessions shows as corrupted data.
/// </summary>
internal readonly record struct StreamKey(long Session, Direction Direction, int Epoch)
{
    public override string ToString() =>
        $"session {Session} {(Direction == Direction.ManagerToSubsidiary ? "m->s" : "s->m")} epoch {Epoch}";
}
