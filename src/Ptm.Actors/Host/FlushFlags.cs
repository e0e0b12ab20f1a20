namespace Ptm.Actors;

/// <summary>The first byte of an M_FLUSH (N14).</summary>
[Flags]
public enum FlushFlags : byte
{
    /// <summary>Flush nothing: I_FLUSH 0 is accepted and does nothing (H2).</summary>
    None = 0,
    /// <summary>Flush what is on its way to this side's reader; crossing the pair it becomes the peer's FLUSHW (D4, D5, D6).</summary>
    FLUSHR = 0x01,
    /// <summary>Flush what this side wrote and its peer has not read yet; crossing the pair it becomes the peer's FLUSHR (D4, D5, D6).</summary>
    FLUSHW = 0x02,
    /// <summary>Flush both directions.</summary>
    FLUSHRW = FLUSHR | FLUSHW,
    /// <summary>Names one band (I_FLUSHBAND); I_FLUSH rejects it with EINVAL, and no band other than 0 exists here.</summary>
    FLUSHBAND = 0x04,
}
