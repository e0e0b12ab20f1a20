namespace Ptm.Actors.Streams;

internal static class FlushFlagsExtensions
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
