namespace Ptm.Actors.Cli.ClusterSoak;

/// <summary>
/// The bytes a cross-node soak writes: byte i of a stream is a hash of the stream and i, so a
/// reader that knows only its stream and how much it has read can tell a hole, a duplicate or a
/// reordering from the first wrong byte (CL9), with no word from the writer's node. One stream per
/// direction of a session: 2K is manager to subsidiary, 2K+1 subsidiary to manager.
/// </summary>
internal static class StreamPattern
{
    /// <summary>The stream a side of session <paramref name="session"/> writes.</summary>
    public static long Outgoing(long session, bool manager) => session * 2 + (manager ? 0 : 1);

    /// <summary>The stream a side of session <paramref name="session"/> reads.</summary>
    public static long Incoming(long session, bool manager) => Outgoing(session, !manager);

    /// <summary>Byte <paramref name="offset"/> of <paramref name="stream"/> (SplitMix64's finaliser: neighbouring offsets share nothing).</summary>
    public static byte At(long stream, long offset)
    {
        var x = unchecked((ulong)offset * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xC2B2AE3D27D4EB4FUL);
        x ^= x >> 30;
        x = unchecked(x * 0xBF58476D1CE4E5B9UL);
        x ^= x >> 27;
        x = unchecked(x * 0x94D049BB133111EBUL);
        return (byte)(x ^ (x >> 31));
    }

    /// <summary>Fills <paramref name="chunk"/> with the stream's bytes from <paramref name="offset"/>.</summary>
    public static void Fill(long stream, long offset, Span<byte> chunk)
    {
        for (var i = 0; i < chunk.Length; i++) chunk[i] = At(stream, offset + i);
    }
}
