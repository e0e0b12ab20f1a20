namespace Ptm.Actors.TestKit.Timing;

/*
 * Virtual time: it moves only when someone advances it, and every timer due on the way fires
 * on the advancing thread, in due order, with the clock set to the timer's due time. A seeded
 * system's timers therefore fire on the thread that drives it, and its interleaving stays the
 * seed's. NextDueAt lets a driver advance timer by timer, letting the actors react to each
 * (and arm new timers) before time moves on.
 *
 * Serves as a .NET TimeProvider (CreateTimer, GetUtcNow, GetTimestamp) and backs
 * VirtualScheduler, Akka.NET's scheduler for virtual-time systems.
 */

/// <summary>A clock that moves only when advanced; timers fire on the advancing thread.</summary>
public sealed class VirtualClock : TimeProvider
{
    /// <summary>Where a clock starts unless told otherwise: a fixed instant, so runs compare.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly PriorityQueue<(VirtualTimer Timer, long Version), (long Due, long Order)> _timers = new();
    private readonly long _startTicks;
    private long _nowTicks;
    private long _order;

    /// <summary>A clock at <see cref="DefaultStart"/>.</summary>
    public VirtualClock() : this(DefaultStart) { }

    /// <summary>A clock at <paramref name="start"/>.</summary>
    public VirtualClock(DateTimeOffset start)
    {
        _startTicks = start.UtcTicks;
        _nowTicks = start.UtcTicks;
    }

    /// <summary>The virtual now: the start plus every advance, or the due time of the timer firing.</summary>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return new DateTimeOffset(_nowTicks, TimeSpan.Zero);
    }

    /// <summary>Timestamps count ticks (100 ns).</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary><see cref="Elapsed"/> in ticks, so stopwatch-style code measures virtual time.</summary>
    public override long GetTimestamp() => Elapsed.Ticks;

    /// <summary>Virtual time since the clock started.</summary>
    public TimeSpan Elapsed
    {
        get { lock (_gate) return TimeSpan.FromTicks(_nowTicks - _startTicks); }
    }

    /// <summary>When the earliest live timer is due, or null when none is armed.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_gate) return PeekLive() is { } next ? new DateTimeOffset(next.DueTicks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>Timers armed and not cancelled.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                var live = 0;
                foreach (var ((timer, version), _) in _timers.UnorderedItems) if (timer.Version == version && !timer.IsCancelled) live++;
                return live;
            }
        }
    }

    /// <summary>Moves time forward by <paramref name="by"/>, firing every timer due on the way, in due order, on this thread.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "Virtual time cannot go backwards.");
        long target;
        lock (_gate) target = _nowTicks + by.Ticks;
        AdvanceTo(new DateTimeOffset(target, TimeSpan.Zero));
    }

    /// <summary>Moves time forward to <paramref name="target"/> (no-op if it has passed), firing every timer due on the way.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        while (true)
        {
            VirtualTimer timer;
            lock (_gate)
            {
                if (PeekLive() is not { } next || next.DueTicks > target.UtcTicks)
                {
                    if (target.UtcTicks > _nowTicks) _nowTicks = target.UtcTicks;
                    return;
                }
                timer = _timers.Dequeue().Timer;
                timer.Version++;
                if (timer.DueTicks > _nowTicks) _nowTicks = timer.DueTicks;
            }
            Fire(timer);
        }
    }

    /// <summary>Fires the timers due now (armed with no delay, or due at this instant) on this thread; returns how many fired.</summary>
    public int FireDue()
    {
        var fired = 0;
        while (true)
        {
            VirtualTimer timer;
            lock (_gate)
            {
                if (PeekLive() is not { } next || next.DueTicks > _nowTicks) return fired;
                timer = _timers.Dequeue().Timer;
                timer.Version++;
            }
            Fire(timer);
            fired++;
        }
    }

    /// <summary>A .NET timer on virtual time: its callback runs on the thread that advances the clock past its due time.</summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, () => callback(state), cancelled: null);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Arms <paramref name="action"/> after <paramref name="delay"/>, then every <paramref name="period"/> if positive; it is skipped once <paramref name="cancelled"/> says so.</summary>
    internal VirtualTimer Schedule(TimeSpan delay, TimeSpan period, Action action, Func<bool>? cancelled)
    {
        var timer = new VirtualTimer(this, action, cancelled);
        timer.Change(delay, period);
        return timer;
    }

    /// <summary>(Re)arms <paramref name="timer"/> at <paramref name="dueTicks"/>, or disarms it when null; entries of earlier armings go stale.</summary>
    internal void Arm(VirtualTimer timer, long? dueTicks)
    {
        lock (_gate)
        {
            timer.Version++;
            if (dueTicks is not { } due) return;
            timer.DueTicks = due;
            _timers.Enqueue((timer, timer.Version), (due, _order++));
        }
    }

    internal long NowTicks
    {
        get { lock (_gate) return _nowTicks; }
    }

    private void Fire(VirtualTimer timer)
    {
        // A periodic timer is re-armed before it runs, so what it arms itself comes after it.
        timer.Rearm();
        timer.Run();
    }

    /// <summary>The earliest timer still live, dropping cancelled ones and stale entries of re-armed timers on the way.</summary>
    private VirtualTimer? PeekLive()
    {
        while (_timers.TryPeek(out var entry, out _))
        {
            if (entry.Timer.Version == entry.Version && !entry.Timer.IsCancelled) return entry.Timer;
            _timers.Dequeue();
        }
        return null;
    }
}
