namespace Ptm.Actors.Pty;

/// <summary>The entry's state bits (ptms.h, N9).</summary>
[Flags]
internal enum PtyState
{
    None = 0,

    /// <summary>Locked until UNLKPT (L6).</summary>
    PTLOCK = 0x01,
    PTMOPEN = 0x02,
    PTSOPEN = 0x04,

    /// <summary>Terminal modules arranged (I3).</summary>
    PTSTTY = 0x08,
}
