using System.Collections.Concurrent;
using Ptm.Actors.Pty;

namespace Ptm.Actors;

/// <summary>
/// The C library's view of a <see cref="PtySystem"/>: integer descriptors and errno results
/// (<see cref="SysResult"/>) instead of handles and exceptions, for code ported from C and for
/// tests that check errnos. Each method's summary names the C call it is. A descriptor is a
/// <see cref="PtyHandle"/> underneath, and every call runs the handle's own code; a cancelled
/// call returns EINTR, as a call interrupted by a signal does. Descriptors are never reused, so
/// a stale one can only ever mean EBADF.
/// </summary>
public sealed partial class PosixApi
{
    /// <summary>PTLEN: the size of ptsname's own buffer (N11).</summary>
    public const int PtsnameBufferLength = 32;

    private const string PtsPrefix = "/dev/pts/";
    private readonly PtySystem _system;
    private readonly ConcurrentDictionary<int, PtyHandle> _handles = new();
    private readonly Action<int> _forgetDescriptor; // one delegate for every failed open, not one per call
    private int _lastDescriptor = 2;

    internal PosixApi(PtySystem system)
    {
        _system = system;
        _forgetDescriptor = Forget;
    }

    /// <summary>posix_openpt(3C): opens /dev/ptmx, a new pty's manager (L1). The result's Value is the descriptor.</summary>
    public Task<SysResult> OpenManagerAsync(OpenFlags flags = OpenFlags.NoCtty, Credentials? who = null, CancellationToken cancellationToken = default) =>
        OpenAsync("/dev/ptmx", flags, who, cancellationToken);

    /// <summary>
    /// open(2) of "/dev/ptmx" (a new manager, L1) or "/dev/pts/N" (a subsidiary, L7, L8). The
    /// result's Value is the descriptor; any other path fails ENOENT.
    /// </summary>
    public Task<SysResult> OpenAsync(string path, OpenFlags flags = OpenFlags.NoCtty, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Open(path, flags, who ?? Credentials.Root, cancellationToken).Call;

    /// <summary>close(2). Without O_NONBLOCK the stream head first waits, at most 15 s, for queued output to drain (H3); cancelling ends that wait.</summary>
    public Task<SysResult> CloseAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } handle ? handle.Close(who ?? Credentials.Root, drain: true, cancellationToken) : BadDescriptor;

    /// <summary>read(2) into <paramref name="buffer"/>; the result's Value is the count (0 at end of file).</summary>
    public Task<SysResult> ReadAsync(int fd, Memory<byte> buffer, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } handle ? handle.Read(buffer, who ?? Credentials.Root, cancellationToken) : BadDescriptor;

    /// <summary>write(2); the result's Value is the count accepted (a cancelled write that moved bytes returns that count).</summary>
    public Task<SysResult> WriteAsync(int fd, ReadOnlyMemory<byte> data, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } handle ? handle.Write(data, who ?? Credentials.Root, cancellationToken) : BadDescriptor;

    /// <summary>ioctl(2); <paramref name="payload"/> null sends it transparently, otherwise as I_STR (I8).</summary>
    public Task<SysResult> IoctlAsync(int fd, int command, ReadOnlyMemory<byte>? payload = null, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } handle ? handle.Ioctl(command, payload, who ?? Credentials.Root, cancellationToken) : BadDescriptor;

    /// <summary>ioctl(I_FLUSH): FLUSHR, FLUSHW, FLUSHRW, or 0 (nothing to flush, still a round trip: H2, H6); other bits fail EINVAL.</summary>
    public Task<SysResult> DiscardAsync(int fd, FlushFlags which, Credentials? who = null, CancellationToken cancellationToken = default)
        => Usable(fd) is { } handle ? handle.Discard(which, who ?? Credentials.Root, cancellationToken) : BadDescriptor;

    /// <summary>poll(2) for POLLIN|POLLOUT without waiting: the Value holds the <see cref="PollEvents"/> bits.</summary>
    public Task<SysResult> PollAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } handle ? handle.Poll(who ?? Credentials.Root, cancellationToken) : BadDescriptor;

    /// <summary>grantpt(3C) (C6).</summary>
    public Task<SysResult> GrantAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } handle ? handle.Grant(who ?? Credentials.Root, cancellationToken) : BadDescriptor;

    /// <summary>unlockpt(3C) (C5): UNLKPT as I_STR.</summary>
    public Task<SysResult> UnlockAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        IoctlAsync(fd, IoctlCommands.UNLKPT, ReadOnlyMemory<byte>.Empty, who, cancellationToken);

    /// <summary>ptsname(3C) (C4): the name is the result's Text.</summary>
    public Task<SysResult> GetSubsidiaryNameAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        GetSubsidiaryNameAsync(fd, PtsnameBufferLength, who, cancellationToken);

    /// <summary>ptsname_r(3C) (C3) with a buffer of <paramref name="bufferLength"/> bytes; null is a null buffer (EINVAL, checked first).</summary>
    public Task<SysResult> GetSubsidiaryNameAsync(int fd, int? bufferLength, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        if (bufferLength is not { } length || length < 0) return _system.Refused(Errno.EINVAL); // libc checks the buffer before the descriptor
        return Usable(fd) is { } handle ? handle.Ptsname(length, who ?? Credentials.Root, cancellationToken) : BadDescriptor;
    }

    /// <summary>stat(2) of a /dev/pts name: the Text is "uid=U gid=G mode=0620" (L8, N12).</summary>
    public Task<SysResult> StatAsync(string path, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        _system.ThrowIfDisposed();
        if (!path.StartsWith(PtsPrefix, StringComparison.Ordinal) || !TryParseMinor(path.AsSpan(PtsPrefix.Length), out var minor))
            return _system.Refused(Errno.ENOENT);
        var request = new StatRequest(who ?? Credentials.Root, minor, _system.Completion);
        request.CancelWith(cancellationToken);
        _system.SendToClone(request);
        return request.Task;
    }

    /// <summary>Sets pt_max_pty or pt_cnt at run time (N1, PD2), as an administrator would with mdb.</summary>
    public Task<SysResult> TuneAsync(string tunable, long value, CancellationToken cancellationToken = default)
    {
        _system.ThrowIfDisposed();
        var request = new TuneRequest(tunable, value, _system.Completion);
        request.CancelWith(cancellationToken);
        _system.SendToClone(request);
        return request.Task;
    }

    /// <summary>The subsidiary name of a manager descriptor's pty without a call, or null (the spec language's pts(H)).</summary>
    public string? SubsidiaryPathOf(int managerFd) =>
        _handles.TryGetValue(managerFd, out var handle) && handle.File is { IsManager: true, Side: not null } ? PtsPrefix + handle.Minor : null;

    /// <summary>The handle behind a descriptor that is open: the way from the facade to the handle API.</summary>
    /// <exception cref="PtyException">EBADF: <paramref name="fd"/> is not open.</exception>
    public PtyHandle HandleOf(int fd) => Usable(fd) ?? throw new PtyException(Errno.EBADF, "descriptor lookup");

    /// <summary>
    /// Starts an open: the descriptor and its handle exist from the start (so the call has a file to
    /// answer on), and a failed open forgets them before the caller sees the failure.
    /// </summary>
    internal (Task<SysResult> Call, PtyHandle? Handle) Open(
        string path, OpenFlags flags, Credentials who, CancellationToken cancellationToken, bool throughDirectory = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        _system.ThrowIfDisposed();
        OpenRequest request;
        PtyHandle handle;
        if (path == "/dev/ptmx")
        {
            var file = NewFile(flags);
            handle = new ManagerHandle(_system, file, who);
            request = new OpenManagerRequest(who, file, _forgetDescriptor);
        }
        else if (path.StartsWith(PtsPrefix, StringComparison.Ordinal) && TryParseMinor(path.AsSpan(PtsPrefix.Length), out var minor))
        {
            var file = NewFile(flags);
            handle = new SubsidiaryHandle(_system, file, who);
            request = new OpenSubsidiaryRequest(who, file, minor, _forgetDescriptor) { ThroughDirectory = throughDirectory };
        }
        else return (_system.Refused(Errno.ENOENT), null);
        _handles[handle.Descriptor] = handle;
        request.CancelWith(cancellationToken);
        _system.SendToClone(request);
        return (request.Task, handle);
    }

    /// <summary>Fault injection (PD13), for the TestKit: the descriptor's side fails once it has handled what is already queued.</summary>
    internal Task<SysResult> InjectCrash(int fd) => Usable(fd) is { } handle ? handle.Crash() : BadDescriptor;

    internal void Forget(int fd) => _handles.TryRemove(fd, out _);

    /// <summary>Descriptors the facade still holds: open files, and opens still in flight.</summary>
    internal int HeldDescriptors => _handles.Count;

    /// <summary>
    /// Starts every close, lets the system run (a deterministic one runs only when asked), then
    /// waits for them. The system's own clean-up does not wait for output to drain (H3): nobody
    /// is left to read it, so closes already waiting for a drain stop waiting too.
    /// </summary>
    internal async Task CloseEverythingAsync()
    {
        var closes = new List<Task<SysResult>>();
        foreach (var handle in _handles.Values)
            if (handle.File.IsUsable) closes.Add(handle.Close(Credentials.Root, drain: false, CancellationToken.None));
        _system.SendToClone(EndCloseDrains.Instance);
        await _system.WhenIdleAsync().ConfigureAwait(false);
        await Task.WhenAll(closes).ConfigureAwait(false);
    }

    private OpenFile NewFile(OpenFlags flags) => new(Interlocked.Increment(ref _lastDescriptor), flags, _system.Completion);

    private PtyHandle? Usable(int fd)
    {
        _system.ThrowIfDisposed();
        return _handles.TryGetValue(fd, out var handle) && handle.File.IsUsable ? handle : null;
    }

    private Task<SysResult> BadDescriptor => _system.Refused(Errno.EBADF);

    /// <summary>Canonical decimal only ("/dev/pts/01" is not a name the directory has).</summary>
    private static bool TryParseMinor(ReadOnlySpan<char> text, out int minor)
    {
        minor = 0;
        if (text.IsEmpty || text.Length > 9 || (text.Length > 1 && text[0] == '0')) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            minor = minor * 10 + (c - '0');
        }
        return true;
    }
}
