using System.Text;

namespace Ptm.Actors;

/// <summary>The result of an ioctl that copies data out: the call's result and, on success, what it copied.</summary>
/// <param name="Result">Ok with the ioctl's return value, or the errno.</param>
/// <param name="Reply">What the ioctl copied out (TCGETS's termios, TIOCGWINSZ's size, I_LIST's names); null on failure.</param>
public readonly record struct IoctlResult(SysResult Result, ReadOnlyMemory<byte>? Reply);

/// <summary>
/// The terminal calls: ioctls whose answers carry data (TCGETS, TIOCGWINSZ, I_LIST), the module
/// ioctls of the stream head (I_PUSH, I_POP, I_FIND, I_LIST, M4.2), the signals a stream head
/// recorded (M4.5), and isatty as TCGETA (M4.4).
/// </summary>
public sealed partial class PosixApi
{
    /// <summary>ioctl(2) that returns what the ioctl copied out as well as its result.</summary>
    public Task<IoctlResult> IoctlWithReplyAsync(int fd, int command, ReadOnlyMemory<byte>? payload = null, Credentials? who = null, CancellationToken cancellationToken = default) =>
        IoctlThen(fd, command, payload, who, static (result, reply) => new IoctlResult(result, reply), cancellationToken);

    /// <summary>ioctl(I_PUSH): pushes <paramref name="module"/> (ptem, ldterm, pckt, ttcompat) under the stream head (M4.2).</summary>
    public Task<SysResult> PushAsync(int fd, string module, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        return IoctlAsync(fd, IoctlCommands.I_PUSH, Encoding.ASCII.GetBytes(module), who, cancellationToken);
    }

    /// <summary>ioctl(I_POP): pops the topmost module (M4.2).</summary>
    public Task<SysResult> PopAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        IoctlAsync(fd, IoctlCommands.I_POP, null, who, cancellationToken);

    /// <summary>ioctl(I_FIND): Value 1 when <paramref name="module"/> is on the stream, else 0 (M4.2).</summary>
    public Task<SysResult> FindAsync(int fd, string module, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        return IoctlAsync(fd, IoctlCommands.I_FIND, Encoding.ASCII.GetBytes(module), who, cancellationToken);
    }

    /// <summary>ioctl(I_LIST): the modules topmost first, then the driver, space-separated in the result's Text (M4.2).</summary>
    public Task<SysResult> ListAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        IoctlThen(fd, IoctlCommands.I_LIST, null, who,
            static (result, reply) => result.IsOk ? SysResult.OkText(Encoding.ASCII.GetString(reply!.Value.Span)) : result, cancellationToken);

    /// <summary>tcgetattr(3C): TCGETS.</summary>
    public Task<(SysResult Result, Termios? Termios)> GetTermiosAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        IoctlThen(fd, IoctlCommands.TCGETS, null, who, PtyHandle.ParseTermios, cancellationToken);

    /// <summary>tcsetattr(3C): TCSETS, TCSETSW (after output drains) or TCSETSF (and flush input), by <paramref name="when"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="when"/> is not a <see cref="TerminalChange"/>.</exception>
    public Task<SysResult> SetTermiosAsync(int fd, TerminalChange when, Termios termios, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(termios);
        return IoctlAsync(fd, PtyHandle.SetCommand(when), termios.ToBytes(), who, cancellationToken);
    }

    /// <summary>ioctl(TIOCGWINSZ) (M3.5, M3.8).</summary>
    public Task<(SysResult Result, WindowSize Size)> GetWindowSizeAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        IoctlThen(fd, IoctlCommands.TIOCGWINSZ, null, who, PtyHandle.ParseWindowSize, cancellationToken);

    /// <summary>ioctl(TIOCSWINSZ): a change sends SIGWINCH up the subsidiary (M3.5, M3.8).</summary>
    public Task<SysResult> SetWindowSizeAsync(int fd, WindowSize size, Credentials? who = null, CancellationToken cancellationToken = default) =>
        IoctlAsync(fd, IoctlCommands.TIOCSWINSZ, size.ToBytes(), who, cancellationToken);

    /// <summary>The signals the descriptor's stream head has recorded since the last call, oldest first (M4.5).</summary>
    public Task<(SysResult Result, IReadOnlyList<Signal> Signals)> TakeSignalsAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Signals(fd, wait: false, who, cancellationToken);

    /// <summary>
    /// Like <see cref="TakeSignalsAsync"/>, but with none recorded the call waits for the next one
    /// (the host's signal stream). It ends with EBADF when the side closes, EINTR when cancelled.
    /// </summary>
    public Task<(SysResult Result, IReadOnlyList<Signal> Signals)> WaitSignalsAsync(int fd, Credentials? who = null, CancellationToken cancellationToken = default) =>
        Signals(fd, wait: true, who, cancellationToken);

    /// <summary>
    /// isatty(3C), which is TCGETA succeeding (M4.4): Value 1 on a subsidiary with ptem or ldterm
    /// pushed; 0 on a bare one (L20), on a manager (its TCGETA is forwarded and NAKed, L19) and
    /// for a bad descriptor.
    /// </summary>
    public Task<SysResult> IsTerminalAsync(int fd, CancellationToken cancellationToken = default) =>
        Usable(fd) is { } handle ? handle.IsTerminal(Credentials.Root, cancellationToken) : Task.FromResult(SysResult.Ok(0));

    private Task<(SysResult Result, IReadOnlyList<Signal> Signals)> Signals(int fd, bool wait, Credentials? who, CancellationToken cancellationToken) =>
        Usable(fd) is { } handle
            ? handle.Signals(wait, who ?? Credentials.Root, cancellationToken)
            : Task.FromResult<(SysResult, IReadOnlyList<Signal>)>((_system.Refuse(Errno.EBADF), Array.Empty<Signal>()));

    private Task<T> IoctlThen<T>(int fd, int command, ReadOnlyMemory<byte>? payload, Credentials? who,
        Func<SysResult, ReadOnlyMemory<byte>?, T> map, CancellationToken cancellationToken) =>
        Usable(fd) is { } handle
            ? handle.Ioctl(command, payload, who ?? Credentials.Root, map, cancellationToken)
            : Task.FromResult(map(_system.Refuse(Errno.EBADF), null));
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
