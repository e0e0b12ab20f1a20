namespace Ptm.Actors.Kernel;

/// <summary>Counts a child's restarts inside the strategy's time window (Akka's ChildRestartStats).</summary>
internal sealed class RestartStatistics
{
    private int _count;
    private long _windowStart;

    public bool RequestRestartPermission(int maxRetries, TimeSpan? window, long now, TimeProvider time)
    {
        if (maxRetries < 0) return true;
        if (maxRetries == 0) return false;
        if (window is null)
        {
            _count++;
            return _count <= maxRetries;
        }
        if (_count == 0 || time.GetElapsedTime(_windowStart, now) > window.Value)
        {
            _windowStart = now;
            _count = 1;
            return true;
        }
        _count++;
        return _count <= maxRetries;
    }
}
