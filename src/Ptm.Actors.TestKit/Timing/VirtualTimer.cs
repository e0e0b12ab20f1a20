namespace Ptm.Actors.TestKit.Timing;

/// <summary>One timer of a <see cref="VirtualClock"/>: once or periodic, changeable and disposable like a .NET ITimer.</summary>
internal sealed class VirtualTimer(VirtualClock clock, Action action, Func<bool>? cancelled) : ITimer
{
    private volatile bool _disposed;
    private long _periodTicks;

    /// <summary>When it is due next (read and written under the clock's lock).</summary>
    public long DueTicks { get; set; }

    /// <summary>Counts armings (under the clock's lock): a queue entry of an older one is stale.</summary>
    public long Version { get; set; }

    public bool IsCancelled => _disposed || (cancelled?.Invoke() ?? false);

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed) return false;
        Interlocked.Exchange(ref _periodTicks, period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks);
        clock.Arm(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock.NowTicks + Math.Max(0, dueTime.Ticks));
        return true;
    }

    /// <summary>Called by the clock as it fires this timer: a periodic one is armed again one period after this due time.</summary>
    public void Rearm()
    {
        var period = Interlocked.Read(ref _periodTicks);
        if (period > 0 && !IsCancelled) clock.Arm(this, DueTicks + period);
    }

    public void Run()
    {
        if (!IsCancelled) action();
    }

    public void Dispose() => _disposed = true;

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return ValueTask.CompletedTask;
    }
}
