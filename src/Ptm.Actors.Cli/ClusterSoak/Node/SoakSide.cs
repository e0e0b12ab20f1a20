namespace Ptm.Actors.Cli.ClusterSoak.Node;

/// <summary>
/// One side of a cross-node soak session, on the node that opened it: a writer of its stream's
/// pattern (paced, one write in flight, PD11 holding it when the far reader lags) and a reader
/// that checks its peer's stream byte by byte (CL9). The reader ends the side: end of file on a
/// manager is its subsidiary's last close or node loss (L13, CL6), end of file on a subsidiary
/// is its hang-up (L15, CL6); either way the side closes its handle, as a program would. A
/// manager writes only once its subsidiary is open (<see cref="StartWriting"/>): before that its
/// writes would be errors by rule (D9), not data.
/// </summary>
internal sealed class SoakSide
{
    private readonly PtyHandle _handle;
    private readonly StreamCheck _check;
    private readonly long _outgoing;
    private readonly Random _random;
    private readonly NodeTotals _totals;
    private readonly Action<string> _violation;
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _writer = Task.CompletedTask;
    private volatile bool _stopWriting;
    private long _accepted;
    private long _received;

    private SoakSide(long session, PtyHandle handle, bool manager, NodeTotals totals, Action<string> violation)
    {
        Session = session;
        _handle = handle;
        _check = new StreamCheck(StreamPattern.Incoming(session, manager));
        _outgoing = StreamPattern.Outgoing(session, manager);
        _random = new Random(HashCode.Combine(session, manager));
        _totals = totals;
        _violation = violation;
        _ = Task.Run(ReadAsync);
        if (!manager) StartWriting(); // its manager is open: it may write at once
    }

    public long Session { get; }

    /// <summary>Starts the writer and the reader of a side just opened.</summary>
    public static SoakSide Start(long session, PtyHandle handle, bool manager, NodeTotals totals, Action<string> violation) =>
        new(session, handle, manager, totals, violation);

    /// <summary>Bytes of its peer's stream read so far.</summary>
    public long Received => Volatile.Read(ref _received);

    /// <summary>Why the side ended ("eof", "hangup", an errno, "closed"); completes once it has.</summary>
    public Task<string> Ended => _ended.Task;

    /// <summary>Starts the writer (once).</summary>
    public void StartWriting()
    {
        if (_writer == Task.CompletedTask) _writer = Task.Run(WriteAsync);
    }

    /// <summary>Stops the writer after its write in flight and returns what the writes accepted: what the peer must read (CL9).</summary>
    public async Task<long> StopWritingAsync()
    {
        _stopWriting = true;
        await _writer.ConfigureAwait(false);
        return Interlocked.Read(ref _accepted);
    }

    /// <summary>Waits until <paramref name="bytes"/> of the peer's stream were read, the side ended, or <paramref name="patience"/> passed; returns what was read.</summary>
    public async Task<long> DrainAsync(long bytes, TimeSpan patience)
    {
        using var bound = new CancellationTokenSource(patience);
        while (Received < bytes && !Ended.IsCompleted)
        {
            var progress = Volatile.Read(ref _progress).Task;
            if (Received >= bytes) break; // read again after taking the signal: no lost wake-up
            try
            {
                await progress.WaitAsync(bound.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return Received;
    }

    /// <summary>Closes the handle now (a program's exit); the reader then ends the side.</summary>
    public async Task CloseAsync()
    {
        _stopWriting = true;
        await _handle.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteAsync()
    {
        var chunk = new byte[1024];
        while (!_stopWriting && !Ended.IsCompleted)
        {
            var length = _random.Next(1, chunk.Length + 1);
            StreamPattern.Fill(_outgoing, _accepted, chunk.AsSpan(0, length));
            int accepted;
            try
            {
                accepted = await _handle.WriteAsync(chunk.AsMemory(0, length)).ConfigureAwait(false);
            }
            catch (Exception failed) when (failed is PtyException or ObjectDisposedException or OperationCanceledException)
            {
                return; // the peer is gone (EIO, ENXIO) or this side closed: the reader reports the end
            }
            Interlocked.Add(ref _accepted, accepted);
            _totals.Written(accepted);
            await Task.Delay(_random.Next(0, 20)).ConfigureAwait(false); // a program's pace, not a barrier: heartbeats share the wire
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[4096];
        string reason;
        try
        {
            while (true)
            {
                var count = await _handle.ReadAsync(buffer).ConfigureAwait(false);
                if (count == 0)
                {
                    reason = _handle is ManagerHandle ? "eof" : "hangup";
                    break;
                }
                if (_check.Accept(buffer.AsSpan(0, count)) is { } problem) _violation($"data_corrupt {problem}");
                Volatile.Write(ref _received, _check.Received);
                _totals.Read(count);
                Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        catch (PtyException failed)
        {
            reason = failed.Errno == Errno.EBADF ? "closed" : failed.Errno.ToString();
        }
        catch (Exception failed) when (failed is ObjectDisposedException or OperationCanceledException)
        {
            reason = "closed";
        }
        _stopWriting = true;
        await _handle.DisposeAsync().ConfigureAwait(false); // L13, L15: a program closes what ended
        _ended.TrySetResult(reason);
        _progress.TrySetResult();
    }
}
