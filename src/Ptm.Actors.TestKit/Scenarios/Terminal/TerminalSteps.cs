using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

// The steps of docs/spec-language.md, "Modules, terminal settings and signals". Each one is a
// single ioctl with a payload (the conventions of issue 14: ints as 4-byte little-endian, a
// module name in ASCII, Termios and WindowSize bytes) or the signals call; tcsetattr reads
// the settings first (TCGETS) and changes only what the step names.

/// <summary>How an ioctl's success value reads.</summary>
internal enum IoctlReply
{
    /// <summary>The return value (0, or I_FIND's 1/0).</summary>
    Value,
    /// <summary>The copied-out bytes as a string (I_LIST).</summary>
    Text,
    /// <summary>The copied-out struct winsize as `"ROWS COLS"` (TIOCGWINSZ).</summary>
    WindowSize,
}

/// <summary>`ioctl H NAME ARG...` for the ioctls that carry a payload or answer with data:
/// I_PUSH, I_POP, I_FIND, I_LIST, TCSBRK, TCXONC, TCFLSH, TIOCSIGNAL, TIOCREMOTE, TIOCSTI,
/// TIOCGWINSZ, TIOCSWINSZ. <see cref="Payload"/> null = no argument.</summary>
internal sealed record PayloadIoctlStep(string Handle, string Name, ImmutableArray<byte>? Payload, IoctlReply Reply) : CallStep;

/// <summary>`tcgetattr H NAME`: TCGETS, then one field.</summary>
internal sealed record TcgetattrStep(string Handle, TermiosField Field) : CallStep;

/// <summary>`tcsetattr H [now|drain|flush] SETTING...`: TCGETS, change, TCSETS/TCSETSW/TCSETSF.</summary>
internal sealed record TcsetattrStep(string Handle, TerminalChange When, ImmutableArray<TermiosSetting> Settings) : CallStep;

/// <summary>`winsize H` (TIOCGWINSZ, null <see cref="Set"/>) or `winsize H ROWS COLS` (TIOCSWINSZ).</summary>
internal sealed record WinsizeStep(string Handle, WindowSize? Set) : CallStep;

/// <summary>`signals H`: the signals H's stream head recorded since the last look (M4.5).</summary>
internal sealed record SignalsStep(string Handle) : CallStep;
