using Akka.Actor;
using Ptm.Actors.Pty;

namespace Ptm.Actors;

// The calls themselves, C-shaped: each is one request to this handle's side actor and a Task of
// its SysResult. The handle's public methods turn those results into values and exceptions; the
// POSIX facade returns them as they are, so both layers run the same code. A call on a closed
// handle, or one whose open never succeeded, fails EBADF without reaching any actor.
public abstract partial class PtyHandle
{
    internal Task<SysResult> Read(Memory<byte> buffer, Credentials who, CancellationToken cancellationToken) =>
        File.IsUsable ? Send(new ReadRequest(who, File, buffer), cancellationToken) : BadDescriptor();

    internal Task<SysResult> Write(ReadOnlyMemory<byte> data, Credentials who, CancellationToken cancellationToken) =>
        File.IsUsable ? Send(new WriteRequest(who, File, data), cancellationToken) : BadDescriptor();

    internal Task<SysResult> Poll(Credentials who, CancellationToken cancellationToken) =>
        File.IsUsable ? Send(new PollRequest(who, File), cancellationToken) : BadDescriptor();

    /// <summary>I_FLUSH: FLUSHR, FLUSHW, FLUSHRW, or 0 (still a round trip: H2, H6); other bits fail EINVAL.</summary>
    internal Task<SysResult> Discard(FlushFlags which, Credentials who, CancellationToken cancellationToken)
    {
        if ((which & ~FlushFlags.FLUSHRW) != 0) return System.Refused(Errno.EINVAL);
        return File.IsUsable ? Send(new FlushRequest(who, File, which), cancellationToken) : BadDescriptor();
    }

    /// <summary>ioctl(2); <paramref name="payload"/> null sends it transparently, otherwise as I_STR (I8).</summary>
    internal Task<SysResult> Ioctl(int command, ReadOnlyMemory<byte>? payload, Credentials who, CancellationToken cancellationToken) =>
        File.IsUsable ? Send(new IoctlRequest(who, File, command, payload), cancellationToken) : BadDescriptor();

    /// <summary>An ioctl whose caller wants what it copied out too, mapped by <paramref name="map"/>.</summary>
    internal Task<T> Ioctl<T>(int command, ReadOnlyMemory<byte>? payload, Credentials who,
        Func<SysResult, ReadOnlyMemory<byte>?, T> map, CancellationToken cancellationToken)
    {
        if (!File.IsUsable) return Task.FromResult(map(System.Refuse(Errno.EBADF), null));
        var request = new IoctlRequest(who, File, command, payload);
        return SendThen(request, result => map(result, result.IsOk ? request.Reply : null), cancellationToken);
    }

    internal Task<SysResult> Grant(Credentials who, CancellationToken cancellationToken) =>
        File.IsUsable ? Send(new GrantRequest(who, File), cancellationToken) : BadDescriptor();

    /// <summary>ptsname_r (C3) into a buffer of <paramref name="bufferLength"/> bytes (ERANGE when the name does not fit).</summary>
    internal Task<SysResult> Ptsname(int bufferLength, Credentials who, CancellationToken cancellationToken) =>
        File.IsUsable ? Send(new PtsnameRequest(who, File, bufferLength), cancellationToken) : BadDescriptor();

    internal Task<SysResult> Putmsg(ReadOnlyMemory<byte>? control, ReadOnlyMemory<byte>? data, Credentials who, CancellationToken cancellationToken) =>
        File.IsUsable ? Send(new PutmsgRequest(who, File, control, data), cancellationToken) : BadDescriptor();

    internal Task<GetmsgResult> Getmsg(int controlLength, int dataLength, Credentials who, CancellationToken cancellationToken)
    {
        if (!File.IsUsable) return Task.FromResult(new GetmsgResult(System.Refuse(Errno.EBADF), null, null));
        var request = new GetmsgRequest(who, File, controlLength, dataLength);
        return SendThen(request, result => new GetmsgResult(result, request.Control, request.Data), cancellationToken);
    }

    /// <summary>The recorded signals (M4.5); with <paramref name="wait"/>, none recorded waits for the next.</summary>
    internal Task<(SysResult Result, IReadOnlyList<Signal> Signals)> Signals(bool wait, Credentials who, CancellationToken cancellationToken)
    {
        if (!File.IsUsable) return Task.FromResult<(SysResult, IReadOnlyList<Signal>)>((System.Refuse(Errno.EBADF), Array.Empty<Signal>()));
        var request = new SignalsRequest(who, File, wait);
        return SendThen(request, result => (result, request.Taken), cancellationToken);
    }

    /// <summary>
    /// close(2). The descriptor is gone at once, whatever follows. Without O_NONBLOCK the stream
    /// head first waits, at most 15 s, for queued output to drain (H3); cancelling ends that wait.
    /// </summary>
    internal Task<SysResult> Close(Credentials who, bool drain, CancellationToken cancellationToken)
    {
        if (!File.IsUsable) return BadDescriptor();
        File.Closed = true;
        System.Posix.Forget(Descriptor); // a forgotten descriptor answers EBADF exactly as a closed one does
        return Send(new CloseRequest(who, File, drain), cancellationToken);
    }

    /// <summary>Fault injection (PD13): the side's actor fails once it has handled what is already queued.</summary>
    internal Task<SysResult> Crash()
    {
        if (!File.IsUsable) return BadDescriptor();
        File.Side!.Tell(new CrashPoke(File.IsManager));
        return Task.FromResult(SysResult.Ok());
    }

    private Task<SysResult> Send(PtyRequest request, CancellationToken cancellationToken)
    {
        System.ThrowIfDisposed();
        request.CancelWith(cancellationToken);
        File.Side!.Tell(request);
        return request.Task;
    }

    /// <summary>
    /// Sends a call whose caller wants a value derived from its result. The derived Task completes
    /// the moment the call's own Task does (not in a continuation that runs later), so a
    /// deterministic run sees it done as soon as the system is idle.
    /// </summary>
    private Task<T> SendThen<T>(PtyRequest request, Func<SysResult, T> map, CancellationToken cancellationToken)
    {
        var derived = new TaskCompletionSource<T>(request.Completion.TaskOptions); // continuations run as the call's own would
        request.Then = result => derived.TrySetResult(map(result));
        Send(request, cancellationToken);
        return derived.Task;
    }

    private Task<SysResult> BadDescriptor()
    {
        System.ThrowIfDisposed();
        return System.Refused(Errno.EBADF);
    }
}
