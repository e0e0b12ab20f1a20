namespace Ptm.Actors.TestKit.Soak;

/// <summary>Which way bytes travel through a pty.</summary>
public enum Direction
{
    /// <summary>Written on the manager, read on the subsidiary.</summary>
    ManagerToSubsidiary,

    /// <summary>Written on the subsidiary, read on the manager.</summary>
    SubsidiaryToManager,
}

/// <summary>One side of a pty.</summary>
public enum Side
{
    /// <summary>The manager (ptm).</summary>
    Manager,
    /// <summary>The subsidiary (pts).</summary>
    Subsidiary,
}

/// <summary>
/// Names one byte stream: a session's bytes in one direction during one subsidiary open
/// epoch. Epochs start at 1 with the first subsidiary open of the session and count up at each
/// reopen after a last close (L11). Manager output is tied to the epoch it was written for
/// because PD5 forbids a later subsidiary from ever seeing it; the payload of each stream is
/// different (PayloadPattern), so a leak across epochs or sessions shows as corrupted data.
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="Direction">Which way the bytes travel.</param>
/// <param name="Epoch">The subsidiary open epoch (1, 2, ...).</param>
public readonly record struct StreamKey(long Session, Direction Direction, int Epoch)
{
    /// <summary>"session 3 m->s epoch 1".</summary>
    /// <returns>The stream's name as violations show it.</returns>
    public override string ToString() =>
        $"session {Session} {(Direction == Direction.ManagerToSubsidiary ? "m->s" : "s->m")} epoch {Epoch}";
}
