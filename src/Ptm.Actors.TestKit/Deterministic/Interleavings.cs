namespace Ptm.Actors.TestKit.Deterministic;

/// <summary>
/// The identity of one interleaving: a fingerprint of the seeded dispatcher's run order (its
/// trace, one "actor:MessageType" entry a turn, in the order the seed picked them).
/// </summary>
/// <remarks>
/// Two runs of one spec with the same fingerprint ran the same actors' turns in the same order.
/// The system's state is a function of that order alone (the calls of the steps are started
/// from one thread at idle points, and a seeded run records any run queued from elsewhere as a
/// violation), so equal fingerprints mean the same interleaving, and different ones a
/// different order of at least two turns. Runs that only Akka.NET's system messages drive
/// (starts, watches) are not picks and leave no entry: their order follows from the picks.
/// </remarks>
internal static class Interleavings
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>FNV-1a (64 bits) over the first <paramref name="length"/> entries and a separator after
    /// each; null for an empty trace (no seeded dispatcher).</summary>
    public static ulong? Fingerprint(IReadOnlyList<string> trace, int length)
    {
        if (trace.Count == 0) return null;
        var hash = OffsetBasis;
        for (var i = 0; i < Math.Min(length, trace.Count); i++)
        {
            var entry = trace[i];
            foreach (var c in entry)
            {
                hash = (hash ^ (byte)c) * Prime;
                hash = (hash ^ (byte)(c >> 8)) * Prime;
            }
            hash = (hash ^ '\n') * Prime; // "ab","c" and "a","bc" differ
        }
        return hash;
    }
}
