namespace Ptm.Actors;

// openpty(3) for the simulation: a pty set up as a terminal in one call.
public sealed partial class PtySystem
{
    /// <summary>
    /// openpty(3): opens a pty (posix_openpt, grantpt, unlockpt, C10), opens its subsidiary
    /// without making it a controlling terminal, pushes ptem and then ldterm on it (M4.2), so it
    /// is a terminal with illumos' default modes (M4.3), and applies <paramref name="termios"/>
    /// and <paramref name="windowSize"/> if given. The SIGWINCH that setting the first size
    /// makes (M3.5) is dropped: no program is on the terminal yet to receive it.
    /// </summary>
    /// <param name="termios">Modes to set on the subsidiary (TCSETS) instead of the defaults.</param>
    /// <param name="windowSize">A window size to set (TIOCSWINSZ); otherwise 0 by 0, as ptem starts.</param>
    /// <param name="who">Whose credentials the calls carry (PD12); root by default.</param>
    /// <param name="cancellationToken">Cancels the set-up; what was opened is closed again.</param>
    /// <exception cref="PtyException">A step failed (ENOMEM when out of ptys, PD2); nothing stays open.</exception>
    public async Task<TerminalPair> OpenTerminalAsync(
        Termios? termios = null, WindowSize? windowSize = null, Credentials? who = null, CancellationToken cancellationToken = default)
    {
        var (manager, subsidiary) = await OpenPairAsync(terminal: true, termios, windowSize, who, cancellationToken).ConfigureAwait(false);
        return new TerminalPair(manager, subsidiary, "/dev/pts/" + subsidiary.Minor);
    }

    /// <summary>
    /// A pair opened the canonical way (C10), its subsidiary a terminal or bare; on a failure
    /// whatever was opened is closed again before the exception goes on (OpenTerminalAsync, SpawnAsync).
    /// </summary>
    internal async Task<(ManagerHandle Manager, SubsidiaryHandle Subsidiary)> OpenPairAsync(
        bool terminal, Termios? termios, WindowSize? windowSize, Credentials? who, CancellationToken cancellationToken)
    {
        var manager = await OpenManagerAsync(OpenFlags.NoCtty, who, cancellationToken).ConfigureAwait(false);
        SubsidiaryHandle? subsidiary = null;
        try
        {
            subsidiary = await manager.OpenSubsidiaryAsync(OpenFlags.NoCtty, cancellationToken).ConfigureAwait(false);
            if (terminal) await MakeTerminalAsync(subsidiary, termios, windowSize, cancellationToken).ConfigureAwait(false);
            return (manager, subsidiary);
        }
        catch
        {
            if (subsidiary is not null) await subsidiary.DisposeAsync().ConfigureAwait(false);
            await manager.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task MakeTerminalAsync(SubsidiaryHandle subsidiary, Termios? termios, WindowSize? windowSize, CancellationToken cancellationToken)
    {
        await subsidiary.PushAsync("ptem", cancellationToken).ConfigureAwait(false);
        await subsidiary.PushAsync("ldterm", cancellationToken).ConfigureAwait(false);
        if (termios is not null) await subsidiary.SetTermiosAsync(termios, TerminalChange.Now, cancellationToken).ConfigureAwait(false);
        if (windowSize is { } size)
        {
            await subsidiary.ResizeAsync(size, cancellationToken).ConfigureAwait(false);
            await subsidiary.Signals(wait: false, subsidiary.Who, CancellationToken.None).ConfigureAwait(false); // the SIGWINCH is ptem's answer on the subsidiary, recorded before the ack
        }
    }
}
