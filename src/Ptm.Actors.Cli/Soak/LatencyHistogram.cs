using System.Numerics;

namespace Ptm.Actors.Cli.Soak;

/// <summary>
/// An HDR-style latency histogram in fixed memory: values in microseconds fall into buckets
/// that are exact below 64 us and otherwise 1/32 of their power of two wide, so any
/// percentile is reported within about 3% of the true sample (rounded up to its bucket's top).
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 5;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int LinearLimit = SubBuckets * 2;

    // Values below LinearLimit have a bucket each; above, each power of two has SubBuckets buckets.
    private readonly long[] _counts = new long[LinearLimit + (64 - SubBucketBits - 1) * SubBuckets];

    public long Count { get; private set; }
    public long MaxMicroseconds { get; private set; }

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(0L, latency.Ticks / TimeSpan.TicksPerMicrosecond);
        _counts[BucketOf(micros)]++;
        Count++;
        if (micros > MaxMicroseconds) MaxMicroseconds = micros;
    }

    /// <summary>The latency below which the given fraction (0..1] of samples fall; zero when empty.</summary>
    public TimeSpan Percentile(double fraction)
    {
        if (Count == 0) return TimeSpan.Zero;
        var rank = (long)Math.Ceiling(Math.Clamp(fraction, 0, 1) * Count);
        if (rank < 1) rank = 1;
        long seen = 0;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            seen += _counts[bucket];
            if (seen >= rank) return TimeSpan.FromTicks(Math.Min(UpperBoundOf(bucket), MaxMicroseconds) * TimeSpan.TicksPerMicrosecond);
        }
        return TimeSpan.FromTicks(MaxMicroseconds * TimeSpan.TicksPerMicrosecond);
    }

    private static int BucketOf(long micros)
    {
        if (micros < LinearLimit) return (int)micros;
        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)micros); // >= SubBucketBits + 1
        var subBucket = (int)(micros >> (exponent - SubBucketBits)) - SubBuckets;
        return LinearLimit + (exponent - SubBucketBits - 1) * SubBuckets + subBucket;
    }

    private static long UpperBoundOf(int bucket)
    {
        if (bucket < LinearLimit) return bucket;
        var offset = bucket - LinearLimit;
        var exponent = offset / SubBuckets + SubBucketBits + 1;
        var subBucket = offset % SubBuckets + SubBuckets;
        var width = 1L << (exponent - SubBucketBits);
        return subBucket * width + width - 1;
    }
}
