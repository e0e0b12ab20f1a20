namespace Ptm.Actors;

/// <summary>The first byte of an M_FLUSH (N14).</summary>
[Flags]
public enum FlushFlags : byte
{
    None = 0,
    FLUSHR = 0x01,
    FLUSHW = 0x02,
    FLUSHRW = FLUSHR | FLUSHW,
    /// <summary>Names one band (I_FLUSHBAND); I_FLUSH rejects it with EINVAL, and no band other than 0 exists here.</summary>
    FLUSHBAND = 0x04,
}
