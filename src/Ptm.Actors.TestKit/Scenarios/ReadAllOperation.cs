namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// `readn H COUNT`: read(2) repeatedly until COUNT bytes in all, end of file, or an error. It
/// advances only when the runner finds the system idle (<see cref="Advance"/>), so a started
/// (`&amp;`) readn makes progress between steps exactly as a foreground one does, on the
/// runner's thread. On a nonblocking handle an EAGAIN is retried once the system is idle; a
/// retry that also meets EAGAIN with the system idle parks the read until the next step,
/// because nothing can change until the spec does something (a foreground readn is then
/// "blocked").
/// </summary>
internal sealed class ReadAllOperation
{
    private readonly IScenarioTarget _target;
    private readonly int _fd;
    private readonly int _count;
    private readonly bool _nonBlocking;
    private readonly ScenarioCredentials _who;
    private readonly TaskCompletionSource<CallResult> _completion = new();
    private readonly List<byte> _received = new();
    private Task<CallResult>? _read;
    private bool _retriedWhileIdle;
    private bool _mayRetry;

    public ReadAllOperation(IScenarioTarget target, int fd, int count, bool nonBlocking, ScenarioCredentials who)
    {
        _target = target;
        _fd = fd;
        _count = count;
        _nonBlocking = nonBlocking;
        _who = who;
    }

    public Task<CallResult> Completion => _completion.Task;

    public bool IsDone => _completion.Task.IsCompleted;

    /// <summary>Issues the first read (or completes at once for COUNT 0).</summary>
    public void Start()
    {
        if (_count == 0) Complete();
        else Issue();
    }

    /// <summary>A new step is starting: a parked read may try again at the next idle point.</summary>
    public void AllowRetry() => _mayRetry = true;

    /// <summary>Called with the system idle. True when it started a new read (so the runner
    /// must wait for idleness again before trusting the picture).</summary>
    public bool Advance()
    {
        if (IsDone) return false;
        if (_read is null)
        {
            if (!_mayRetry) return false;
            _mayRetry = false;
            Issue();
            return true;
        }
        if (!_read.IsCompleted) return false;
        var read = _read;
        _read = null;
        if (read.IsFaulted || read.IsCanceled)
        {
            _completion.SetException(read.Exception?.InnerException ?? new TaskCanceledException(read));
            return false;
        }
        var result = read.Result;
        if (result.Errno == 0)
        {
            var bytes = result.Bytes ?? [];
            if (bytes.Length == 0) { Complete(); return false; } // end of file
            _received.AddRange(bytes);
            _retriedWhileIdle = false;
            if (_received.Count >= _count) { Complete(); return false; }
            Issue();
            return true;
        }
        if (result.Errno == ErrnoTable.EAGAIN && _nonBlocking)
        {
            if (_retriedWhileIdle) { _mayRetry = false; return false; } // parked: no progress while idle
            _retriedWhileIdle = true;
            Issue();
            return true;
        }
        // An error after some bytes ends the loop with those bytes; before any, it is the result.
        if (_received.Count == 0) _completion.SetResult(result);
        else Complete();
        return false;
    }

    private void Issue() => _read = _target.ReadAsync(_fd, _count - _received.Count, _who);

    private void Complete()
    {
        var bytes = _received.ToArray();
        _completion.SetResult(new CallResult(bytes.Length, 0, bytes));
    }
}
