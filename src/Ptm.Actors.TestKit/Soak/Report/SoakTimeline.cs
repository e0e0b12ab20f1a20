namespace Ptm.Actors.TestKit.Soak.Report;

/// <summary>One bucket of the timeline: the most sessions live at once in it, and the faults and failed calls it saw.</summary>
internal sealed record TimelineBucket(TimeSpan Start, int PeakLive, long Faults, long FailedCalls, long Unattributed);

/// <summary>The run over time, in buckets of equal width from the start.</summary>
internal sealed record TimelineSeries(TimeSpan BucketWidth, IReadOnlyList<TimelineBucket> Buckets)
{
    public static readonly TimelineSeries Empty = new(TimeSpan.Zero, []);
}

/// <summary>
/// The live-sessions and faults counters sampled over a run in bounded memory: at most
/// <see cref="Capacity"/> buckets. It starts with narrow buckets; when the run outgrows them,
/// neighbours merge in pairs (peaks by max, counts by sum) and the width doubles, so a 5 s run
/// and a 7-day run both end with between half and all of the buckets in use.
/// </summary>
internal sealed class SoakTimeline
{
    /// <summary>How many buckets a timeline holds at most.</summary>
    public const int Capacity = 64;

    private readonly int[] _peakLive = new int[Capacity];
    private readonly long[] _faults = new long[Capacity];
    private readonly long[] _failed = new long[Capacity];
    private readonly long[] _unattributed = new long[Capacity];
    private long _widthTicks;
    private int _used; // buckets 0.._used-1 have begun
    private int _live;

    public SoakTimeline(TimeSpan firstWidth) =>
        _widthTicks = firstWidth > TimeSpan.Zero ? firstWidth.Ticks : throw new ArgumentOutOfRangeException(nameof(firstWidth));

    /// <summary>The live sessions are now <paramref name="live"/>.</summary>
    public void Live(TimeSpan at, int live)
    {
        var bucket = Reach(at);
        _live = live;
        if (live > _peakLive[bucket]) _peakLive[bucket] = live;
    }

    /// <summary>A fault was injected.</summary>
    public void Fault(TimeSpan at) => _faults[Reach(at)]++;

    /// <summary>A call failed; <paramref name="expected"/> false for one no rule explains.</summary>
    public void FailedCall(TimeSpan at, bool expected)
    {
        var bucket = Reach(at);
        _failed[bucket]++;
        if (!expected) _unattributed[bucket]++;
    }

    /// <summary>The buckets up to <paramref name="end"/> (the end of the run).</summary>
    public TimelineSeries Snapshot(TimeSpan end)
    {
        Reach(end);
        var buckets = new TimelineBucket[_used];
        for (var i = 0; i < _used; i++)
            buckets[i] = new TimelineBucket(TimeSpan.FromTicks(i * _widthTicks), _peakLive[i], _faults[i], _failed[i], _unattributed[i]);
        return new TimelineSeries(TimeSpan.FromTicks(_widthTicks), buckets);
    }

    // The bucket of time `at`, merging pairs until it fits; buckets passed over start with the sessions live then.
    private int Reach(TimeSpan at)
    {
        var ticks = Math.Max(0, at.Ticks);
        while (ticks / _widthTicks >= Capacity) Halve();
        var bucket = (int)(ticks / _widthTicks);
        while (_used <= bucket) _peakLive[_used++] = _live;
        return bucket;
    }

    private void Halve()
    {
        for (var i = 0; i < Capacity / 2; i++)
        {
            _peakLive[i] = Math.Max(_peakLive[2 * i], _peakLive[2 * i + 1]);
            _faults[i] = _faults[2 * i] + _faults[2 * i + 1];
            _failed[i] = _failed[2 * i] + _failed[2 * i + 1];
            _unattributed[i] = _unattributed[2 * i] + _unattributed[2 * i + 1];
        }
        Array.Clear(_peakLive, Capacity / 2, Capacity / 2);
        Array.Clear(_faults, Capacity / 2, Capacity / 2);
        Array.Clear(_failed, Capacity / 2, Capacity / 2);
        Array.Clear(_unattributed, Capacity / 2, Capacity / 2);
        _used = (_used + 1) / 2;
        _widthTicks *= 2;
    }
}
