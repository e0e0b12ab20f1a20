namespace Ptm.Actors;

/// <summary>How <see cref="PtySystem.SpawnAsync"/> sets up the pty a program runs on.</summary>
public sealed record SpawnOptions
{
    /// <summary>A terminal with illumos' default modes and a 0 by 0 window, as the root user.</summary>
    public static SpawnOptions Default { get; } = new();

    /// <summary>
    /// Make the subsidiary a terminal, as <see cref="PtySystem.OpenTerminalAsync"/> does: ptem and
    /// ldterm pushed (M4.2), so the program reads cooked lines, output newlines become CR LF
    /// (ONLCR) and a hang-up is a SIGHUP (M4.5). True by default; false gives the program a bare
    /// subsidiary, a byte pipe that is not a terminal (L20).
    /// </summary>
    public bool Terminal { get; init; } = true;

    /// <summary>Modes to set on the terminal (TCSETS) instead of the defaults; only with <see cref="Terminal"/>.</summary>
    public Termios? Termios { get; init; }

    /// <summary>The terminal's window size (TIOCSWINSZ); only with <see cref="Terminal"/>.</summary>
    public WindowSize? WindowSize { get; init; }

    /// <summary>Whose credentials the pty's calls carry (PD12); root by default.</summary>
    public Credentials? Who { get; init; }

    /// <summary>
    /// How long <see cref="PtyProgram.DisposeAsync"/> waits for the program to end after hanging
    /// it up: 15 seconds (STRTIMOUT, as a close waits for its drain, H3) by default.
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits as long as it takes.
    /// </summary>
    public TimeSpan ExitTimeout { get; init; } = TimeSpan.FromSeconds(15);

    internal void Validate(string paramName)
    {
        if (!Terminal && (Termios is not null || WindowSize is not null))
            throw new ArgumentException("Termios and WindowSize need a terminal: set Terminal, or leave them unset.", paramName);
        if (ExitTimeout < TimeSpan.Zero && ExitTimeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(paramName, ExitTimeout, "ExitTimeout must be zero or more, or infinite.");
    }
}
