namespace Ptm.Actors.Streams;

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

public static class FlushFlagsExtensions
{
    public static bool Reads(this FlushFlags flags) => (flags & FlushFlags.FLUSHR) != 0;

    public static bool Writes(this FlushFlags flags) => (flags & FlushFlags.FLUSHW) != 0;

    /// <summary>One side's write path feeds the other side's read path, so R and W swap when crossing (D4, D5).</summary>
    public static FlushFlags Mirrored(this FlushFlags flags)
    {
        var result = flags & FlushFlags.FLUSHBAND;
        if (flags.Reads()) result |= FlushFlags.FLUSHW;
        if (flags.Writes()) result |= FlushFlags.FLUSHR;
        return result;
    }
}
