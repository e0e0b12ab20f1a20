namespace Ptm.Actors.Kernel;

/// <summary>
/// Every pending Ask's timeout on one timer of the injected TimeProvider, instead of a timer,
/// a ScheduledTell and a timeout message per Ask. Pending asks sit in one list ordered by due
/// time; asks that share a timeout (the common case: the default) fall due in the order they
/// started, so insertion walks back from the tail and is O(1) for them. A reply unlinks its ask
/// in O(1). The timer is armed for the earliest due time and disarmed when nothing is pending,
/// so a finished Ask leaves no timer behind (virtual-clock tests see no pending timer).
/// </summary>
internal sealed class AskTimeouts(TimeProvider time, Action onFired)
{
    // ITimer implementations reject very long due times; a longer wait re-arms on firing.
    private static readonly TimeSpan LongestArm = TimeSpan.FromDays(30);

    private readonly object _gate = new();
    private FutureActorRef? _head;
    private FutureActorRef? _tail;
    private ITimer? _timer;
    private long _armedFor = long.MaxValue;
    private bool _stopped;

    /// <summary>Starts <paramref name="ask"/>'s timeout; it completes with AskTimeoutException unless removed first.</summary>
    public void Add(FutureActorRef ask, TimeSpan timeout)
    {
        var now = time.GetTimestamp();
        var due = now + ToTimestampTicks(timeout);
        lock (_gate)
        {
            if (_stopped) return; // the system is gone: as with its other timers, nothing fires any more
            ask.TimeoutDue = due;
            InsertByDue(ask);
            if (due < _armedFor) Arm(due, now);
        }
    }

    /// <summary>The ask completed some other way; its timeout no longer matters.</summary>
    public void Remove(FutureActorRef ask)
    {
        lock (_gate)
        {
            if (!ask.InTimeoutList) return;
            Unlink(ask);
            if (_head is null) Disarm();
        }
    }

    /// <summary>True when some ask's timeout is due but has not been applied yet (idle detection).</summary>
    public bool AnyDue()
    {
        lock (_gate) return _head is not null && _head.TimeoutDue <= time.GetTimestamp();
    }

    public void CancelAll()
    {
        lock (_gate)
        {
            _stopped = true;
            while (_head is not null) Unlink(_head);
            _timer?.Dispose();
            _timer = null;
            _armedFor = long.MaxValue;
        }
    }

    private void Fire()
    {
        List<FutureActorRef>? expired = null;
        lock (_gate)
        {
            if (_stopped) return;
            _armedFor = long.MaxValue;
            var now = time.GetTimestamp();
            while (_head is { } head && head.TimeoutDue <= now)
            {
                Unlink(head);
                (expired ??= new List<FutureActorRef>()).Add(head);
            }
            if (_head is not null) Arm(_head.TimeoutDue, now);
        }
        if (expired is not null)
            foreach (var ask in expired) ask.TimeOut();
        onFired();
    }

    private void InsertByDue(FutureActorRef ask)
    {
        var after = _tail;
        while (after is not null && after.TimeoutDue > ask.TimeoutDue) after = after.TimeoutPrevious;
        ask.TimeoutPrevious = after;
        ask.TimeoutNext = after is null ? _head : after.TimeoutNext;
        if (ask.TimeoutNext is null) _tail = ask;
        else ask.TimeoutNext.TimeoutPrevious = ask;
        if (after is null) _head = ask;
        else after.TimeoutNext = ask;
        ask.InTimeoutList = true;
    }

    private void Unlink(FutureActorRef ask)
    {
        if (ask.TimeoutPrevious is null) _head = ask.TimeoutNext;
        else ask.TimeoutPrevious.TimeoutNext = ask.TimeoutNext;
        if (ask.TimeoutNext is null) _tail = ask.TimeoutPrevious;
        else ask.TimeoutNext.TimeoutPrevious = ask.TimeoutPrevious;
        ask.TimeoutPrevious = ask.TimeoutNext = null;
        ask.InTimeoutList = false;
    }

    private void Arm(long due, long now)
    {
        _armedFor = due;
        var delay = TimeSpan.FromSeconds(Math.Max(0, due - now) / (double)time.TimestampFrequency);
        if (delay > LongestArm) delay = LongestArm;
        if (_timer is null) _timer = time.CreateTimer(static state => ((AskTimeouts)state!).Fire(), this, delay, Timeout.InfiniteTimeSpan);
        else _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private void Disarm()
    {
        _armedFor = long.MaxValue;
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private long ToTimestampTicks(TimeSpan timeout)
    {
        var ticks = timeout.TotalSeconds * time.TimestampFrequency;
        return ticks >= long.MaxValue / 4 ? long.MaxValue / 4 : (long)Math.Ceiling(ticks);
    }
}
