using Akka.Actor;
using System.Collections.Concurrent;
using Ptm.Actors.Pty;
using Ptm.Actors.Streams;

namespace Ptm.Actors;

/// <summary>
/// The C library's view: integer descriptors and errno results. Each call is one message to one
/// actor (or an immediate answer for a bad descriptor), and the returned Task is the one the
/// actor completes, so when the system is idle every call that can complete has completed.
/// Descriptors are never reused, so a stale one can only ever mean EBADF.
/// </summary>
public sealed partial class PosixApi
{
    /// <summary>PTLEN: the size of ptsname's own buffer (N11).</summary>
    public const int PtsnameBufferLength = 32;

    private const string PtsPrefix = "/dev/pts/";
    private readonly PtySystem _system;
    private readonly ConcurrentDictionary<int, OpenFile> _files = new();
    private readonly Action<int> _forgetDescriptor; // one delegate for every failed open, not one per call
    private int _lastDescriptor = 2;

    internal PosixApi(PtySystem system)
    {
        _system = system;
        _forgetDescriptor = fd => _files.TryRemove(fd, out _);
    }

    public Task<SysResult> posix_openpt(OpenFlags flags, Credentials? who = null) => Open("/dev/ptmx", flags, who);

    public Task<SysResult> Open(string path, OpenFlags flags = OpenFlags.None, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        _system.ThrowIfDisposed();
        who ??= Credentials.Root;
        if (path == "/dev/ptmx")
        {
            var file = NewFile(flags);
            return SendToClone(new OpenManagerRequest(who, file, _forgetDescriptor), cancellationToken);
        }
        if (path.StartsWith(PtsPrefix, StringComparison.Ordinal) && TryParseMinor(path.AsSpan(PtsPrefix.Length), out var minor))
        {
            var file = NewFile(flags);
            return SendToClone(new OpenSubsidiaryRequest(who, file, minor, _forgetDescriptor), cancellationToken);
        }
        return Failed(Errno.ENOENT);
    }

    /// <summary>close(2). Without O_NONBLOCK the stream head first waits, at most 15 s, for queued output to drain (H3).</summary>
    public Task<SysResult> Close(int fd, Credentials? who = null) => Close(fd, who, drain: true);

    private Task<SysResult> Close(int fd, Credentials? who, bool drain)
    {
        if (Usable(fd) is not { } file) return Failed(Errno.EBADF);
        file.Closed = true;
        _files.TryRemove(fd, out _); // a forgotten descriptor answers EBADF exactly as a closed one does
        return SendTo(file, new CloseRequest(who ?? Credentials.Root, file, drain));
    }

    /// <summary>read(2) into <paramref name="buffer"/>; the result's Value is the count (0 at end of file).</summary>
    public Task<SysResult> Read(int fd, Memory<byte> buffer, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } file ? SendTo(file, new ReadRequest(who ?? Credentials.Root, file, buffer), cancellationToken) : Failed(Errno.EBADF);

    public Task<SysResult> Write(int fd, ReadOnlyMemory<byte> data, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } file ? SendTo(file, new WriteRequest(who ?? Credentials.Root, file, data), cancellationToken) : Failed(Errno.EBADF);

    /// <summary>ioctl(2); <paramref name="payload"/> null sends it transparently, otherwise as I_STR (I8).</summary>
    public Task<SysResult> Ioctl(int fd, int command, ReadOnlyMemory<byte>? payload = null, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } file ? SendTo(file, new IoctlRequest(who ?? Credentials.Root, file, command, payload), cancellationToken) : Failed(Errno.EBADF);

    /// <summary>I_FLUSH: FLUSHR, FLUSHW, FLUSHRW, or 0 (nothing to flush, still a round trip: H2, H6); other bits fail EINVAL.</summary>
    public Task<SysResult> Flush(int fd, FlushFlags flags, Credentials? who = null)
    {
        if ((flags & ~FlushFlags.FLUSHRW) != 0) return Failed(Errno.EINVAL);
        return Usable(fd) is { } file ? SendTo(file, new FlushRequest(who ?? Credentials.Root, file, flags)) : Failed(Errno.EBADF);
    }

    /// <summary>poll(2) for POLLIN|POLLOUT without waiting: the Value holds the PollEvents bits.</summary>
    public Task<SysResult> Poll(int fd, Credentials? who = null) =>
        Usable(fd) is { } file ? SendTo(file, new PollRequest(who ?? Credentials.Root, file)) : Failed(Errno.EBADF);

    public Task<SysResult> grantpt(int fd, Credentials? who = null) =>
        Usable(fd) is { } file ? SendTo(file, new GrantRequest(who ?? Credentials.Root, file)) : Failed(Errno.EBADF);

    /// <summary>unlockpt (C5): UNLKPT as I_STR.</summary>
    public Task<SysResult> unlockpt(int fd, Credentials? who = null) => Ioctl(fd, IoctlCommands.UNLKPT, ReadOnlyMemory<byte>.Empty, who);

    public Task<SysResult> ptsname(int fd, Credentials? who = null) => ptsname_r(fd, PtsnameBufferLength, who);

    /// <summary>ptsname_r (C3): <paramref name="bufferLength"/> null is a null buffer (EINVAL, checked first).</summary>
    public Task<SysResult> ptsname_r(int fd, int? bufferLength, Credentials? who = null)
    {
        if (bufferLength is null) return Failed(Errno.EINVAL);
        if (bufferLength < 0) return Failed(Errno.EINVAL);
        return Usable(fd) is { } file ? SendTo(file, new PtsnameRequest(who ?? Credentials.Root, file, bufferLength)) : Failed(Errno.EBADF);
    }

    /// <summary>stat of a /dev/pts name: the Text is "uid=U gid=G mode=0620" (L8, N12).</summary>
    public Task<SysResult> Stat(string path, Credentials? who = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        _system.ThrowIfDisposed();
        if (!path.StartsWith(PtsPrefix, StringComparison.Ordinal) || !TryParseMinor(path.AsSpan(PtsPrefix.Length), out var minor))
            return Failed(Errno.ENOENT);
        var request = new StatRequest(who ?? Credentials.Root, minor, _system.Completion);
        _system.SendToClone(request);
        return request.Task;
    }

    /// <summary>Sets pt_max_pty or pt_cnt at run time (N1, PD2).</summary>
    public Task<SysResult> Tune(string tunable, long value)
    {
        _system.ThrowIfDisposed();
        var request = new TuneRequest(tunable, value, _system.Completion);
        _system.SendToClone(request);
        return request.Task;
    }

    /// <summary>Fault injection (PD13): the actor behind the descriptor's side fails once it has handled what is already queued.</summary>
    public Task<SysResult> Crash(int fd)
    {
        if (Usable(fd) is not { } file) return Failed(Errno.EBADF);
        file.Side!.Tell(new CrashPoke(file.IsManager));
        return Task.FromResult(SysResult.Ok());
    }

    /// <summary>The subsidiary name of a manager descriptor's pty, without a call (the spec language's pts(H)).</summary>
    public string? SubsidiaryPathOf(int managerFd) =>
        _files.TryGetValue(managerFd, out var file) && file.IsManager && file.Side is not null ? PtsPrefix + file.Minor : null;

    internal OpenFile FileOf(int fd) => _files[fd];

    /// <summary>Descriptors the facade still holds: open files, and opens still in flight.</summary>
    internal int HeldDescriptors => _files.Count;

    /// <summary>
    /// Starts every close, lets the system run (a deterministic one runs only when asked), then
    /// waits for them. The system's own clean-up does not wait for output to drain (H3): nobody
    /// is left to read it, so closes already waiting for a drain stop waiting too.
    /// </summary>
    internal async Task CloseEverythingAsync()
    {
        var closes = new List<Task<SysResult>>();
        foreach (var fd in _files.Keys)
            if (Usable(fd) is not null) closes.Add(Close(fd, null, drain: false));
        _system.SendToClone(EndCloseDrains.Instance);
        await _system.WhenIdleAsync().ConfigureAwait(false);
        await Task.WhenAll(closes).ConfigureAwait(false);
    }

    private OpenFile NewFile(OpenFlags flags)
    {
        var file = new OpenFile(Interlocked.Increment(ref _lastDescriptor), flags, _system.Completion);
        _files[file.Descriptor] = file;
        return file;
    }

    private OpenFile? Usable(int fd)
    {
        _system.ThrowIfDisposed();
        return _files.TryGetValue(fd, out var file) && file.IsUsable ? file : null;
    }

    private Task<SysResult> SendToClone(OpenRequest request, CancellationToken cancellationToken)
    {
        request.CancelWith(cancellationToken);
        _system.SendToClone(request);
        return request.Task;
    }

    private static Task<SysResult> SendTo(OpenFile file, PtyRequest request, CancellationToken cancellationToken = default)
    {
        request.CancelWith(cancellationToken);
        file.Side!.Tell(request);
        return request.Task;
    }

    /// <summary>A call answered here, without reaching an actor: counted in ptm.errors as a failed request is.</summary>
    private Task<SysResult> Failed(Errno errno)
    {
        _system.Diagnostics.Error(errno);
        return Task.FromResult(SysResult.Fail(errno));
    }

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
