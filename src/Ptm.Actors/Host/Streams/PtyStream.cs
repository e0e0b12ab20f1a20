using System.Runtime.CompilerServices;

namespace Ptm.Actors;

/// <summary>
/// A <see cref="Stream"/> over one blocking <see cref="PtyHandle"/> (see <see cref="PtyHandle.AsStream"/>
/// for the contract). It holds no buffer of its own: a read is one read(2) into the caller's
/// memory, a write is write(2) calls until all of it is down, so a flush has nothing to wait for.
/// One read and one write may run at once, as on a socket.
/// </summary>
internal sealed class PtyStream : Stream
{
    private readonly PtyHandle _handle;
    private readonly bool _ownsHandle;
    private volatile bool _atEnd; // a read returned 0: end of stream is sticky, as on any Stream
    private int _disposed;

    internal PtyStream(PtyHandle handle, bool ownsHandle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        // D19: a non-blocking handle answers EAGAIN instead of waiting, and nothing here could wait
        // for readiness in its place (PollAsync only reports it), so the stream would fail at random.
        if (handle.File.IsNonBlocking)
            throw new InvalidOperationException($"{handle} is non-blocking (OpenFlags.NonBlock or NDelay): a stream needs a handle opened without them.");
        _handle = handle;
        _ownsHandle = ownsHandle;
    }

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public override bool CanRead => !IsDisposed && !_handle.IsClosed;
    public override bool CanWrite => !IsDisposed && !_handle.IsClosed;
    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException("A pty is not seekable: it has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("A pty is not seekable: it has no position.");
        set => throw new NotSupportedException("A pty is not seekable: it has no position.");
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A pty is not seekable.");
    public override void SetLength(long value) => throw new NotSupportedException("A pty is not seekable: it has no length.");

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadCoreAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadCoreAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    public override IAsyncResult BeginRead(byte[] buffer, int offset, int count, AsyncCallback? callback, object? state) =>
        TaskToAsyncResult.Begin(ReadAsync(buffer, offset, count, CancellationToken.None), callback, state);

    public override int EndRead(IAsyncResult asyncResult) => TaskToAsyncResult.End<int>(asyncResult);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteCoreAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        WriteCoreAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    public override IAsyncResult BeginWrite(byte[] buffer, int offset, int count, AsyncCallback? callback, object? state) =>
        TaskToAsyncResult.Begin(WriteAsync(buffer, offset, count, CancellationToken.None), callback, state);

    public override void EndWrite(IAsyncResult asyncResult) => TaskToAsyncResult.End(asyncResult);

    // Nothing is buffered here: every write has reached the stream head when it returns. Not even
    // a disposed stream throws (as NetworkStream's does not): a StreamWriter disposed after its
    // stream flushes it.
    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// One read(2). End of file (L12, L13), a hang-up (L15) and EIO all end the stream: EIO is
    /// how a side whose actor failed reports it (PD13), and what Linux's manager returns where
    /// illumos gives end of file (section 8 of the rule book).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // the state machine box is reused: no allocation a read beyond the call's own
    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        // H4: a zero-length read(2) consumes a queued end of file; a Stream's empty read must not.
        if (buffer.IsEmpty || _atEnd) return 0;
        int count;
        try
        {
            count = await _handle.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (PtyException failure) when (failure.Errno == Errno.EIO)
        {
            count = 0;
        }
        if (count == 0) _atEnd = true;
        return count;
    }

    /// <summary>
    /// write(2) until all of <paramref name="data"/> is down. A blocking write returns less than
    /// asked when it was cancelled part way (the next call then throws OperationCanceledException)
    /// or stopped by a hang-up or an error (the next call then fails with it, EIO after L15).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteCoreAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        // An empty write sends nothing: write(2) of 0 bytes would send a zero-length message (PD8),
        // which the subsidiary reads as end of file.
        while (!data.IsEmpty)
        {
            var accepted = await _handle.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            if (accepted <= 0) throw new IOException($"write on {_handle} accepted nothing of {data.Length} bytes."); // never seen: a guard against looping forever
            data = data[accepted..];
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (_ownsHandle) await _handle.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Dispose (and Close) block on the handle's close when the stream owns it: prefer DisposeAsync.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHandle)
            _handle.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose(disposing);
    }
}
