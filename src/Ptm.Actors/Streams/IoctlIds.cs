namespace Ptm.Actors.Streams;

/// <summary>Ids for M_IOCTLs, unique in the process, so an answer can only ever match the ioctl it answers (H5, R9).</summary>
internal static class IoctlIds
{
    private static long s_last;

    public static long Next() => Interlocked.Increment(ref s_last);
}
