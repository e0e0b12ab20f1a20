using System.Text;

namespace Ptm.Actors;

// The terminal calls of a handle: termios, window size, modules and isatty, each one ioctl. As
// for the other handle calls, a failure throws PtyException with the errno, and cancelling a call
// throws OperationCanceledException.
public abstract partial class PtyHandle
{
    /// <summary>
    /// tcgetattr(3C): the terminal's modes and control characters (TCGETS). On illumos only a
    /// subsidiary with ldterm pushed answers (M3.2); a bare subsidiary or a manager fails.
    /// </summary>
    /// <exception cref="PtyException">The stream is not a terminal (EINVAL), or hung up (ENXIO, PD6).</exception>
    public async Task<Termios> GetTermiosAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (result, termios) = await Ioctl(IoctlCommands.TCGETS, null, Who, ParseTermios, cancellationToken).ConfigureAwait(false);
        result.ValueOrThrow("tcgetattr", cancellationToken);
        return termios!;
    }

    /// <summary>
    /// tcsetattr(3C): sets the terminal's modes (TCSETS, TCSETSW or TCSETSF, by <paramref name="when"/>).
    /// ldterm takes the input, output and local modes and the characters, ptem the control modes (M3.2).
    /// </summary>
    public async Task SetTermiosAsync(Termios termios, TerminalChange when = TerminalChange.Now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(termios);
        cancellationToken.ThrowIfCancellationRequested();
        (await Ioctl(SetCommand(when), termios.ToBytes(), Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("tcsetattr", cancellationToken);
    }

    /// <summary>
    /// TIOCGWINSZ: the window size ptem keeps (M3.5). Works on the subsidiary, and on the
    /// manager too once ptem is pushed on the subsidiary (the manager's ioctl reaches it, M3.8).
    /// </summary>
    public async Task<WindowSize> GetWindowSizeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (result, size) = await Ioctl(IoctlCommands.TIOCGWINSZ, null, Who, ParseWindowSize, cancellationToken).ConfigureAwait(false);
        result.ValueOrThrow("TIOCGWINSZ", cancellationToken);
        return size;
    }

    /// <summary>
    /// TIOCSWINSZ with no pixel sizes: a new size sends SIGWINCH up the subsidiary (M3.5, M3.8).
    /// Works from either side once ptem is pushed on the subsidiary.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not 0 to 65535 (struct winsize holds unsigned shorts).</exception>
    public Task ResizeAsync(int rows, int columns, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, ushort.MaxValue);
        return ResizeAsync(new WindowSize((ushort)rows, (ushort)columns), cancellationToken);
    }

    /// <summary>TIOCSWINSZ with pixel sizes as well (see <see cref="ResizeAsync(int, int, CancellationToken)"/>).</summary>
    public async Task ResizeAsync(WindowSize size, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (await Ioctl(IoctlCommands.TIOCSWINSZ, size.ToBytes(), Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("TIOCSWINSZ", cancellationToken);
    }

    /// <summary>
    /// I_PUSH: puts <paramref name="module"/> (ptem, ldterm, pckt or ttcompat) directly under the
    /// stream head (M4.2). An unknown name or a tenth module fails EINVAL, a hung-up stream ENXIO.
    /// </summary>
    public async Task PushAsync(string module, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        cancellationToken.ThrowIfCancellationRequested();
        (await Ioctl(IoctlCommands.I_PUSH, Encoding.ASCII.GetBytes(module), Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("I_PUSH", cancellationToken);
    }

    /// <summary>I_POP: removes the topmost module (M4.2); EINVAL when there is none.</summary>
    public async Task PopAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (await Ioctl(IoctlCommands.I_POP, null, Who, cancellationToken).ConfigureAwait(false)).ValueOrThrow("I_POP", cancellationToken);
    }

    /// <summary>I_LIST without the driver: the pushed modules, topmost first (M4.2); empty on a bare stream.</summary>
    public async Task<IReadOnlyList<string>> ListModulesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (result, reply) = await Ioctl(IoctlCommands.I_LIST, null, Who, static (result, reply) => (result, reply), cancellationToken).ConfigureAwait(false);
        result.ValueOrThrow("I_LIST", cancellationToken);
        var names = Encoding.ASCII.GetString(reply.GetValueOrDefault().Span).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return names.Length == 0 ? [] : names[..^1]; // I_LIST ends with the driver (ptm or pts)
    }

    /// <summary>
    /// isatty(3C), which is TCGETA succeeding (M4.4): true on a subsidiary with ptem or ldterm
    /// pushed; false on a bare subsidiary (L20), on the manager (L19) and on a closed handle.
    /// Unlike Linux, where both sides are always terminals (section 8).
    /// </summary>
    public async Task<bool> IsTerminalAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await IsTerminal(Who, cancellationToken).ConfigureAwait(false);
        result.ValueOrThrow("isatty", cancellationToken);
        return result.Value == 1;
    }

    /// <summary>isatty as a result: Value 1 or 0, never an error except EINTR when cancelled.</summary>
    internal Task<SysResult> IsTerminal(Credentials who, CancellationToken cancellationToken) =>
        Ioctl(IoctlCommands.TCGETA, null, who, static (result, _) =>
            result.Errno == Errno.EINTR ? result : SysResult.Ok(result.IsOk ? 1 : 0), cancellationToken);

    internal static int SetCommand(TerminalChange when) => when switch
    {
        TerminalChange.Now => IoctlCommands.TCSETS,
        TerminalChange.Drain => IoctlCommands.TCSETSW,
        TerminalChange.Flush => IoctlCommands.TCSETSF,
        _ => throw new ArgumentOutOfRangeException(nameof(when), when, "not a TerminalChange"),
    };

    internal static (SysResult Result, Termios? Termios) ParseTermios(SysResult result, ReadOnlyMemory<byte>? reply)
    {
        if (!result.IsOk) return (result, null);
        return Termios.TryParse(reply is { } bytes ? bytes.Span : default, out var termios) ? (result, termios) : (SysResult.Fail(Errno.EINVAL), null);
    }

    internal static (SysResult Result, WindowSize Size) ParseWindowSize(SysResult result, ReadOnlyMemory<byte>? reply)
    {
        if (!result.IsOk) return (result, default);
        return WindowSize.TryParse(reply is { } bytes ? bytes.Span : default, out var size) ? (result, size) : (SysResult.Fail(Errno.EINVAL), default);
    }
}
