namespace Ptm.Actors.Kernel;

internal sealed class ReceiveTimeoutCheck(int generation) : AutoReceivedMessage
{
    public int Generation { get; } = generation;
}

/// <summary>
/// A sliding receive timeout without re-arming a timer per message: every message only records
/// the time; one timer checks, and either delivers ReceiveTimeout or re-arms for what is left.
/// </summary>
internal sealed class ReceiveTimeoutState(ActorCell cell)
{
    private ScheduledTell? _timer;
    private int _generation;
    private long _lastActivity;

    public TimeSpan Timeout { get; private set; }

    public void Start(TimeSpan timeout)
    {
        Cancel();
        Timeout = timeout;
        Touch();
        Arm(timeout);
    }

    public void Touch() => _lastActivity = cell.System.Time.GetTimestamp();

    public void Cancel()
    {
        _generation++;
        _timer?.Cancel();
        _timer = null;
    }

    /// <summary>True when the check is current and the actor has really been idle for the whole timeout.</summary>
    public bool IsDue(ReceiveTimeoutCheck check)
    {
        if (check.Generation != _generation) return false;
        var idle = cell.System.Time.GetElapsedTime(_lastActivity);
        if (idle >= Timeout)
        {
            Touch();
            Arm(Timeout);
            return true;
        }
        Arm(Timeout - idle);
        return false;
    }

    private void Arm(TimeSpan delay)
    {
        _timer = cell.System.Scheduler.ScheduleTell(delay, null, cell.Self, new ReceiveTimeoutCheck(_generation));
    }
}
