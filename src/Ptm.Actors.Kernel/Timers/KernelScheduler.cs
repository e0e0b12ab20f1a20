namespace Ptm.Actors.Kernel;

/// <summary>
/// The one place the kernel turns time into messages, on the injected TimeProvider. It also
/// remembers when each live timer is due, so idle detection can tell "nothing queued and
/// nothing due now" from "a timer is about to fire".
/// </summary>
internal sealed class KernelScheduler(TimeProvider time, Action onFired)
{
    private readonly object _gate = new();
    private readonly HashSet<ScheduledTell> _live = new();

    public TimeProvider Time { get; } = time;

    /// <summary>Ask timeouts share one timer here rather than one ScheduledTell each.</summary>
    public AskTimeouts AskTimeouts { get; } = new(time, onFired);

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> after <paramref name="delay"/>, then every <paramref name="period"/> if given.</summary>
    public ScheduledTell ScheduleTell(TimeSpan delay, TimeSpan? period, IActorRef target, object message)
    {
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        var item = new ScheduledTell(this, target, message, period);
        lock (_gate) _live.Add(item);
        item.Arm(delay);
        return item;
    }

    /// <summary>True when some live timer's due time has passed but it has not fired yet.</summary>
    public bool AnyDue()
    {
        if (AskTimeouts.AnyDue()) return true;
        lock (_gate)
        {
            if (_live.Count == 0) return false;
            var now = Time.GetUtcNow();
            foreach (var item in _live)
                if (item.DueAt <= now) return true;
            return false;
        }
    }

    public void CancelAll()
    {
        AskTimeouts.CancelAll();
        ScheduledTell[] items;
        lock (_gate) items = _live.ToArray();
        foreach (var item in items) item.Cancel();
    }

    internal void Forget(ScheduledTell item)
    {
        lock (_gate) _live.Remove(item);
    }

    internal void Fired() => onFired();
}

/// <summary>One scheduled Tell; Cancel is idempotent and wins over a concurrent firing.</summary>
internal sealed class ScheduledTell : IDisposable
{
    private readonly KernelScheduler _owner;
    private readonly IActorRef _target;
    private readonly object _message;
    private readonly TimeSpan? _period;
    private ITimer? _timer;
    private volatile bool _cancelled;

    public ScheduledTell(KernelScheduler owner, IActorRef target, object message, TimeSpan? period)
    {
        _owner = owner;
        _target = target;
        _message = message;
        _period = period;
    }

    public DateTimeOffset DueAt { get; private set; }

    public void Arm(TimeSpan delay)
    {
        DueAt = _owner.Time.GetUtcNow() + delay;
        _timer = _owner.Time.CreateTimer(static state => ((ScheduledTell)state!).Fire(), this, delay, Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        if (_cancelled) return;
        if (_period is { } period)
        {
            DueAt = _owner.Time.GetUtcNow() + period;
            _timer?.Change(period, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _owner.Forget(this);
            _timer?.Dispose();
        }
        _target.Tell(_message);
        _owner.Fired();
    }

    public void Cancel()
    {
        _cancelled = true;
        _timer?.Dispose();
        _owner.Forget(this);
    }

    public void Dispose() => Cancel();
}
