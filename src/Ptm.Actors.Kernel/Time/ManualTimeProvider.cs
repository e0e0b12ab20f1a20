namespace Ptm.Actors.Kernel;

/// <summary>
/// Virtual time: it moves only when <see cref="Advance"/> is called, and timers due by then fire
/// synchronously inside Advance, in due order. Both the wall clock and the monotonic timestamp
/// advance together (the gap Akka's TestScheduler leaves, akka.net#2870).
/// </summary>
public class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = new();
    private DateTimeOffset _now;
    private long _sequence;

    public ManualTimeProvider() : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    /// <summary>
    /// On a thread-pool system nobody else would fire a zero-delay timer, so it fires at once on
    /// the pool; a deterministic system leaves it to RunUntilIdle (which calls FireDue).
    /// </summary>
    internal bool FireImmediateTimersOnThreadPool { get; set; }

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

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _now.UtcTicks;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward, firing every timer that falls due on the way, each at its own due time. Returns how many fired.</summary>
    public int Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "Time cannot go backwards.");
        DateTimeOffset target;
        lock (_gate) target = _now + by;
        return AdvanceTo(target);
    }

    /// <summary>Moves time to <paramref name="target"/> (never backwards), firing due timers in order. Returns how many fired.</summary>
    public int AdvanceTo(DateTimeOffset target)
    {
        var fired = 0;
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = null;
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

    /// <summary>Fires timers that are already due (a zero-delay timer) without moving time.</summary>
    public int FireDue() => Advance(TimeSpan.Zero);

    /// <summary>Number of timers waiting to fire.</summary>
    public int PendingTimers
    {
        get { lock (_gate) return _timers.Count; }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
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
            if (immediate && owner.FireImmediateTimersOnThreadPool)
                ThreadPool.UnsafeQueueUserWorkItem(static clock => clock.FireDue(), owner, preferLocal: false);
            return true;
        }

        /// <summary>Called under the owner's lock: re-arm a periodic timer or remove a single one.</summary>
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
