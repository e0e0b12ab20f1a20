namespace Ptm.Actors.Kernel;

/// <summary>The message a timer sends to its actor; delivered only if its generation is still current.</summary>
internal sealed class TimerFired(object key, int generation, object message) : AutoReceivedMessage
{
    public object Key { get; } = key;
    public int Generation { get; } = generation;
    public object Message { get; } = message;
}

internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, (int Generation, ScheduledTell Item, bool Periodic)> _timers = new();
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan delay) => Start(key, message, delay, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer)) timer.Item.Cancel();
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values) timer.Item.Cancel();
        _timers.Clear();
    }

    /// <summary>True if <paramref name="fired"/> belongs to the live timer of its key (a single timer is then done).</summary>
    public bool Accept(TimerFired fired)
    {
        if (!_timers.TryGetValue(fired.Key, out var timer) || timer.Generation != fired.Generation) return false;
        if (!timer.Periodic) _timers.Remove(fired.Key);
        return true;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan? period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var generation = ++_generation;
        var item = cell.System.Scheduler.ScheduleTell(delay, period, cell.Self, new TimerFired(key, generation, message));
        _timers[key] = (generation, item, period is not null);
    }
}
