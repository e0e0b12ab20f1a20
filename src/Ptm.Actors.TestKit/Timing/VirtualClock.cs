namespace Ptm.Actors.TestKit;

/// <summary>
/// A manual TimeProvider the test moves forward. Timers fire synchronously while time moves, in
/// due order, each at its own due time. Unlike the kernel's ManualTimeProvider it tells the kit
/// when the next timer is due, so <see cref="TestKit.AdvanceAsync"/> can stop at every due time
/// and let the actors react (and arm new timers) before moving on.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<VirtualTimer> _timers = new();
    private DateTimeOffset _now;
    private long _sequence;

    public VirtualClock() : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }

    public VirtualClock(DateTimeOffset start) => _now = start;

    /// <summary>On a thread-pool system a zero-delay timer fires at once on the pool (nobody else would fire it); deterministic runs leave it to the kit.</summary>
    internal bool FireImmediateTimersOnThreadPool { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _now.UtcTicks;
    }

    public int PendingTimers
    {
        get { lock (_gate) return _timers.Count; }
    }

    /// <summary>When the earliest pending timer is due, or null when none is pending.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_gate)
            {
                DateTimeOffset? next = null;
                foreach (var timer in _timers)
                    if (next is null || timer.DueAt < next) next = timer.DueAt;
                return next;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward by <paramref name="by"/> in one go, firing due timers in order. Returns how many fired.</summary>
    public int Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "Virtual time cannot go backwards.");
        DateTimeOffset target;
        lock (_gate) target = _now + by;
        return AdvanceTo(target);
    }

    /// <summary>Fires timers already due without moving time.</summary>
    public int FireDue()
    {
        DateTimeOffset now;
        lock (_gate) now = _now;
        return AdvanceTo(now);
    }

    internal int AdvanceTo(DateTimeOffset target)
    {
        var fired = 0;
        while (true)
        {
            VirtualTimer? next = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                    if (timer.DueAt <= target && (next is null || timer.DueAt < next.DueAt || (timer.DueAt == next.DueAt && timer.Sequence < next.Sequence)))
                        next = timer;
                if (next is null)
                {
                    if (target > _now) _now = target;
                    return fired;
                }
                if (next.DueAt > _now) _now = next.DueAt;
                next.OnFiring();
            }
            next.Invoke();
            fired++;
        }
    }

    private void OnImmediateTimer()
    {
        if (FireImmediateTimersOnThreadPool) ThreadPool.UnsafeQueueUserWorkItem(static clock => clock.FireDue(), this, preferLocal: false);
    }

    private sealed class VirtualTimer(VirtualClock owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }
        public long Sequence { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool immediate;
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                immediate = dueTime <= TimeSpan.Zero;
                DueAt = owner._now + (immediate ? TimeSpan.Zero : dueTime);
                Sequence = ++owner._sequence;
                owner._timers.Add(this);
            }
            if (immediate) owner.OnImmediateTimer();
            return true;
        }

        /// <summary>Under the owner's lock: re-arm a periodic timer, remove a single one.</summary>
        public void OnFiring()
        {
            owner._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt += _period;
                Sequence = ++owner._sequence;
                owner._timers.Add(this);
            }
        }

        public void Invoke() => callback(state);

        public void Dispose()
        {
            lock (owner._gate) owner._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
