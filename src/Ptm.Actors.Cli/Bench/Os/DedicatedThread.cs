namespace Ptm.Actors.Cli.Bench.Os;

/// <summary>
/// A thread of its own for a blocking read loop (a thread-pool thread stuck in read(2)
/// would starve the pool). Remembers what the body threw; joining rethrows it, and gives
/// up after a timeout instead of hanging the bench.
/// </summary>
internal sealed class DedicatedThread
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(10);

    private readonly Thread _thread;
    private Exception? _failure;

    private DedicatedThread(string name, Action body)
    {
        _thread = new Thread(() =>
        {
            try { body(); }
            catch (Exception e) { _failure = e; }
        })
        { IsBackground = true, Name = name };
    }

    public static DedicatedThread Start(string name, Action body)
    {
        var thread = new DedicatedThread(name, body);
        thread._thread.Start();
        return thread;
    }

    public void Join()
    {
        if (!_thread.Join(JoinTimeout))
            throw new TimeoutException($"{_thread.Name} did not finish within {JoinTimeout.TotalSeconds} s");
        if (_failure is not null) throw new InvalidOperationException($"{_thread.Name} failed: {_failure.Message}", _failure);
    }
}
