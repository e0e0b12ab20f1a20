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
    public Task<IoctlResult> IoctlWithReply(int fd, int command, ReadOnlyMemory<byte>? payload = null, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        if (Usable(fd) is not { } file) return Task.FromResult(new IoctlResult(SysResult.Fail(Errno.EBADF), null));
        var request = new IoctlRequest(who ?? Credentials.Root, file, command, payload);
        return SendTo(file, request, cancellationToken).ContinueWith(
            static (task, state) => new IoctlResult(task.Result, task.Result.IsOk ? ((IoctlRequest)state!).Reply : null),
            request, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>I_PUSH: pushes <paramref name="module"/> (ptem, ldterm, pckt, ttcompat) under the stream head (M4.2).</summary>
    public Task<SysResult> Push(int fd, string module, Credentials? who = null) =>
        Ioctl(fd, IoctlCommands.I_PUSH, System.Text.Encoding.ASCII.GetBytes(module), who);

    /// <summary>I_POP: pops the topmost module (M4.2).</summary>
    public Task<SysResult> Pop(int fd, Credentials? who = null) => Ioctl(fd, IoctlCommands.I_POP, null, who);

    /// <summary>I_FIND: Value 1 when <paramref name="module"/> is on the stream, else 0 (M4.2).</summary>
    public Task<SysResult> Find(int fd, string module, Credentials? who = null) =>
        Ioctl(fd, IoctlCommands.I_FIND, System.Text.Encoding.ASCII.GetBytes(module), who);

    /// <summary>I_LIST: the modules topmost first, then the driver, space-separated in the result's Text (M4.2).</summary>
    public async Task<SysResult> List(int fd, Credentials? who = null)
    {
        var result = await IoctlWithReply(fd, IoctlCommands.I_LIST, null, who).ConfigureAwait(false);
        return result.Result.IsOk ? SysResult.OkText(System.Text.Encoding.ASCII.GetString(result.Reply!.Value.Span)) : result.Result;
    }

    /// <summary>tcgetattr(3C): TCGETS.</summary>
    public async Task<(SysResult Result, Termios? Termios)> Tcgetattr(int fd, Credentials? who = null)
    {
        var result = await IoctlWithReply(fd, IoctlCommands.TCGETS, null, who).ConfigureAwait(false);
        if (!result.Result.IsOk) return (result.Result, null);
        return Termios.TryParse(result.Reply is { } reply ? reply.Span : default, out var termios)
            ? (result.Result, termios)
            : (SysResult.Fail(Errno.EINVAL), null);
    }

    /// <summary>tcsetattr(3C): TCSETS, TCSETSW (after output drains) or TCSETSF (and flush input).</summary>
    public Task<SysResult> Tcsetattr(int fd, TerminalChange when, Termios termios, Credentials? who = null) =>
        Ioctl(fd, when switch
        {
            TerminalChange.Drain => IoctlCommands.TCSETSW,
            TerminalChange.Flush => IoctlCommands.TCSETSF,
            _ => IoctlCommands.TCSETS,
        }, termios.ToBytes(), who);

    /// <summary>TIOCGWINSZ (M3.5, M3.8).</summary>
    public async Task<(SysResult Result, WindowSize Size)> GetWindowSize(int fd, Credentials? who = null)
    {
        var result = await IoctlWithReply(fd, IoctlCommands.TIOCGWINSZ, null, who).ConfigureAwait(false);
        if (!result.Result.IsOk) return (result.Result, default);
        return WindowSize.TryParse(result.Reply is { } reply ? reply.Span : default, out var size)
            ? (result.Result, size)
            : (SysResult.Fail(Errno.EINVAL), default);
    }

    /// <summary>TIOCSWINSZ: a change sends SIGWINCH up the subsidiary (M3.5, M3.8).</summary>
    public Task<SysResult> SetWindowSize(int fd, WindowSize size, Credentials? who = null) =>
        Ioctl(fd, IoctlCommands.TIOCSWINSZ, size.ToBytes(), who);

    /// <summary>The signals the descriptor's stream head has recorded since the last call, oldest first (M4.5).</summary>
    public Task<(SysResult Result, IReadOnlyList<Signal> Signals)> TakeSignals(int fd, Credentials? who = null)
    {
        if (Usable(fd) is not { } file) return Task.FromResult<(SysResult, IReadOnlyList<Signal>)>((SysResult.Fail(Errno.EBADF), Array.Empty<Signal>()));
        var request = new SignalsRequest(who ?? Credentials.Root, file);
        return SendTo(file, request).ContinueWith(
            static (task, state) => (task.Result, ((SignalsRequest)state!).Taken),
            request, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
