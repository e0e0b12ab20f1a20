using System.Text;
using Ptm.Actors.Pty;

namespace Ptm.Actors;

/// <summary>The result of an ioctl that copies data out: the call's result and, on success, what it copied.</summary>
public readonly record struct IoctlResult(SysResult Result, ReadOnlyMemory<byte>? Reply);

/// <summary>
/// The terminal calls: ioctls whose answers carry data (TCGETS, TIOCGWINSZ, I_LIST), the module
/// ioctls of the stream head (I_PUSH, I_POP, I_FIND, I_LIST, M4.2), the signals a stream head
/// recorded (M4.5), and isatty as TCGETA (M4.4).
/// </summary>
public sealed partial class PosixApi
{
    /// <summary>ioctl(2) that returns what the ioctl copied out as well as its result.</summary>
    public Task<IoctlResult> IoctlWithReply(int fd, int command, ReadOnlyMemory<byte>? payload = null, Credentials? who = null, CancellationToken cancellationToken = default) =>
        IoctlThen(fd, command, payload, who, (result, reply) => new IoctlResult(result, reply), new IoctlResult(SysResult.Fail(Errno.EBADF), null), cancellationToken);

    /// <summary>I_PUSH: pushes <paramref name="module"/> (ptem, ldterm, pckt, ttcompat) under the stream head (M4.2).</summary>
    public Task<SysResult> Push(int fd, string module, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        return Ioctl(fd, IoctlCommands.I_PUSH, Encoding.ASCII.GetBytes(module), who, cancellationToken);
    }

    /// <summary>I_POP: pops the topmost module (M4.2).</summary>
    public Task<SysResult> Pop(int fd, Credentials? who = null, CancellationToken cancellationToken = default) => Ioctl(fd, IoctlCommands.I_POP, null, who, cancellationToken);

    /// <summary>I_FIND: Value 1 when <paramref name="module"/> is on the stream, else 0 (M4.2).</summary>
    public Task<SysResult> Find(int fd, string module, Credentials? who = null) => Ioctl(fd, IoctlCommands.I_FIND, Encoding.ASCII.GetBytes(module), who);

    /// <summary>I_LIST: the modules topmost first, then the driver, space-separated in the result's Text (M4.2).</summary>
    public Task<SysResult> List(int fd, Credentials? who = null) =>
        IoctlThen(fd, IoctlCommands.I_LIST, null, who,
            (result, reply) => result.IsOk ? SysResult.OkText(Encoding.ASCII.GetString(reply!.Value.Span)) : result, SysResult.Fail(Errno.EBADF));

    /// <summary>tcgetattr(3C): TCGETS.</summary>
    public Task<(SysResult Result, Termios? Termios)> Tcgetattr(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        IoctlThen(fd, IoctlCommands.TCGETS, null, who, (result, reply) =>
        {
            if (!result.IsOk) return (result, (Termios?)null);
            return Termios.TryParse(reply is { } bytes ? bytes.Span : default, out var termios) ? (result, termios) : (SysResult.Fail(Errno.EINVAL), null);
        }, (SysResult.Fail(Errno.EBADF), null), cancellationToken);

    /// <summary>tcsetattr(3C): TCSETS, TCSETSW (after output drains) or TCSETSF (and flush input).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="when"/> is not a <see cref="TerminalChange"/>.</exception>
    public Task<SysResult> Tcsetattr(int fd, TerminalChange when, Termios termios, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(termios);
        var command = when switch
        {
            TerminalChange.Now => IoctlCommands.TCSETS,
            TerminalChange.Drain => IoctlCommands.TCSETSW,
            TerminalChange.Flush => IoctlCommands.TCSETSF,
            _ => throw new ArgumentOutOfRangeException(nameof(when), when, "not a TerminalChange"),
        };
        return Ioctl(fd, command, termios.ToBytes(), who, cancellationToken);
    }

    /// <summary>TIOCGWINSZ (M3.5, M3.8).</summary>
    public Task<(SysResult Result, WindowSize Size)> GetWindowSize(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        IoctlThen(fd, IoctlCommands.TIOCGWINSZ, null, who, (result, reply) =>
        {
            if (!result.IsOk) return (result, default(WindowSize));
            return WindowSize.TryParse(reply is { } bytes ? bytes.Span : default, out var size) ? (result, size) : (SysResult.Fail(Errno.EINVAL), default);
        }, (SysResult.Fail(Errno.EBADF), default), cancellationToken);

    /// <summary>TIOCSWINSZ: a change sends SIGWINCH up the subsidiary (M3.5, M3.8).</summary>
    public Task<SysResult> SetWindowSize(int fd, WindowSize size, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Ioctl(fd, IoctlCommands.TIOCSWINSZ, size.ToBytes(), who, cancellationToken);

    /// <summary>The signals the descriptor's stream head has recorded since the last call, oldest first (M4.5).</summary>
    public Task<(SysResult Result, IReadOnlyList<Signal> Signals)> TakeSignals(int fd, Credentials? who = null) =>
        Signals(fd, wait: false, who, default);

    /// <summary>
    /// Like <see cref="TakeSignals"/>, but with none recorded the call waits for the next one (the
    /// host's signal stream). It ends with EBADF when the side closes, EINTR when cancelled.
    /// </summary>
    public Task<(SysResult Result, IReadOnlyList<Signal> Signals)> WaitSignals(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Signals(fd, wait: true, who, cancellationToken);

    private Task<(SysResult Result, IReadOnlyList<Signal> Signals)> Signals(int fd, bool wait, Credentials? who, CancellationToken cancellationToken)
    {
        if (Usable(fd) is not { } file) return Task.FromResult<(SysResult, IReadOnlyList<Signal>)>((SysResult.Fail(Errno.EBADF), Array.Empty<Signal>()));
        var request = new SignalsRequest(who ?? Credentials.Root, file, wait);
        return SendThen(file, request, result => (result, request.Taken), cancellationToken);
    }

    /// <summary>
    /// isatty(3C) is TCGETA succeeding (M4.4): 1 on a subsidiary with ptem or ldterm pushed; 0 on a
    /// bare one (L20), on a manager (its TCGETA is forwarded and NAKed, L19) and for a bad descriptor.
    /// </summary>
    public Task<SysResult> isatty(int fd) =>
        IoctlThen(fd, IoctlCommands.TCGETA, null, null, (result, _) => SysResult.Ok(result.IsOk ? 1 : 0), SysResult.Ok(0));

    private Task<T> IoctlThen<T>(int fd, int command, ReadOnlyMemory<byte>? payload, Credentials? who,
        Func<SysResult, ReadOnlyMemory<byte>?, T> map, T whenBadDescriptor, CancellationToken cancellationToken = default)
    {
        if (Usable(fd) is not { } file) return Task.FromResult(whenBadDescriptor);
        var request = new IoctlRequest(who ?? Credentials.Root, file, command, payload);
        return SendThen(file, request, result => map(result, result.IsOk ? request.Reply : null), cancellationToken);
    }

    /// <summary>
    /// Sends a call whose caller wants a value derived from its result. The derived Task completes
    /// the moment the call's own Task does (not in a continuation that runs later), so a
    /// deterministic run sees it done as soon as the system is idle.
    /// </summary>
    private static Task<T> SendThen<T>(OpenFile file, PtyRequest request, Func<SysResult, T> map, CancellationToken cancellationToken)
    {
        var derived = new TaskCompletionSource<T>(request.Completion.TaskOptions); // continuations run as the call's own would
        request.Then = result => derived.TrySetResult(map(result));
        SendTo(file, request, cancellationToken);
        return derived.Task;
    }
}

/// <summary>When tcsetattr's change takes effect (TCSANOW, TCSADRAIN, TCSAFLUSH).</summary>
public enum TerminalChange
{
    /// <summary>TCSANOW: at once (TCSETS).</summary>
    Now,
    /// <summary>TCSADRAIN: after queued output has been sent (TCSETSW).</summary>
    Drain,
    /// <summary>TCSAFLUSH: after output drains, discarding unread input (TCSETSF).</summary>
    Flush,
}
