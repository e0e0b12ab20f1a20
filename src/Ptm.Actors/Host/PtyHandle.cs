using Ptm.Actors.Pty;

namespace Ptm.Actors;

/// <summary>
/// An open side of a pty: the API a host app uses. Calls are async; a call that fails as the C
/// call would (returning -1) throws <see cref="PtyException"/> with the errno, and a call whose
/// <see cref="CancellationToken"/> is cancelled throws <see cref="OperationCanceledException"/>.
/// Calls may be made from any thread, several at once; each is one message to the side's actor.
/// </summary>
public abstract partial class PtyHandle : IAsyncDisposable
{
    private protected PtyHandle(PtySystem system, OpenFile file, Credentials who)
    {
        System = system;
        File = file;
        Who = who;
    }

    /// <summary>The subsystem this handle belongs to.</summary>
    public PtySystem System { get; }

    /// <summary>The descriptor in the system's POSIX facade (<see cref="PtySystem.Posix"/>), for mixing the two.</summary>
    public int Descriptor => File.Descriptor;

    /// <summary>The pty number N (/dev/pts/N, L4).</summary>
    public int Minor => File.Minor;

    /// <summary>True once the handle has been closed; its calls then fail with EBADF.</summary>
    public bool IsClosed => File.Closed;

    /// <summary>Whose credentials the calls carry (PD12).</summary>
    public Credentials Who { get; }

    internal OpenFile File { get; }

    /// <summary>
    /// read(2): copies what is queued into <paramref name="buffer"/> (a byte stream, D21), waiting
    /// while nothing is. Returns the count, or 0 at end of file: on the manager once the
    /// subsidiary has closed and its data has been read (L12); on the subsidiary after a
    /// hang-up (L15).
    /// </summary>
    /// <exception cref="PtyException">EAGAIN on a non-blocking handle with nothing queued; EIO on the manager once the subsidiary is gone (L13).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was read.</exception>
    public async Task<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return (int)(await Read(buffer, Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("read", cancellationToken);
    }

    /// <summary>
    /// write(2): queues <paramref name="data"/> for the other side, waiting while flow control
    /// holds the pair full (D14); a non-blocking handle takes what fits instead. Returns the count
    /// accepted: all of <paramref name="data"/> unless the handle is non-blocking, or the call was
    /// cancelled after part of it was accepted. Like a write(2) interrupted by a signal, a
    /// cancelled write that had moved some bytes returns that count (the rest was not sent), and
    /// one that had moved none throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="PtyException">EIO after a hang-up (L15); EAGAIN when a non-blocking handle can take nothing.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before any byte was accepted.</exception>
    public async Task<int> WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return (int)(await Write(data, Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("write", cancellationToken);
    }

    /// <summary>poll(2) without waiting: the readiness now (POLLIN, POLLOUT, POLLERR, POLLHUP).</summary>
    public async Task<PollEvents> PollAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return (PollEvents)(await Poll(Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("poll", cancellationToken);
    }

    /// <summary>
    /// ioctl(I_FLUSH): discards queued data (D4, D5, D6). <see cref="FlushFlags.FLUSHR"/> discards
    /// what this side has not read yet, <see cref="FlushFlags.FLUSHW"/> what it wrote and the other
    /// side has not read, <see cref="FlushFlags.FLUSHRW"/> both. Not <see cref="Stream.FlushAsync()"/>:
    /// nothing is sent, data is thrown away.
    /// </summary>
    /// <exception cref="PtyException">EINVAL for other bits; ENXIO after a hang-up.</exception>
    public async Task DiscardAsync(FlushFlags which, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (await Discard(which, Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("I_FLUSH", cancellationToken);
    }

    /// <summary>
    /// ioctl(2) with <paramref name="command"/> (<see cref="IoctlCommands"/>): <paramref name="payload"/>
    /// null sends it as a transparent ioctl, otherwise as I_STR with that data (I8). Returns the
    /// ioctl's return value.
    /// </summary>
    /// <exception cref="PtyException">The ioctl failed: EINVAL for one nobody understands (I6).</exception>
    public async Task<int> IoctlAsync(int command, ReadOnlyMemory<byte>? payload = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return (int)(await Ioctl(command, payload, Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("ioctl", cancellationToken);
    }

    /// <summary>
    /// close(2). Without <see cref="OpenFlags.NonBlock"/> the close first waits, at most 15 seconds,
    /// for this side's queued output to reach the other side (H3); cancelling ends that wait and
    /// the close goes on without it, then throws <see cref="OperationCanceledException"/> (the handle
    /// is closed either way). Closing a closed handle does nothing.
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (File.Closed || System.IsDisposed) return;
        await Close(Who, drain: !cancellationToken.IsCancellationRequested, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>close(2), as <see cref="CloseAsync"/> without a token; disposing twice is harmless.</summary>
    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"{(File.IsManager ? "manager" : "subsidiary")} /dev/pts/{Minor} (fd {Descriptor}{(IsClosed ? ", closed" : "")})";
}
