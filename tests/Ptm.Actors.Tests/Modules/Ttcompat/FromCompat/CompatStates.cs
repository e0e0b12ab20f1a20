using System.Collections.Immutable;
using Ptm.Actors.Modules;

namespace Ptm.Actors.Tests.Modules.TtcompatFrom;

/// <summary>
/// The old-interface states and the termios the from_compat tests start from. Values the test
/// project cannot name through CompatState are spelled out here from the illumos headers.
/// </summary>
internal static class CompatStates
{
    // ttold.h t_xflags: what the mode word cannot say.
    public const int NoPost = 0x1, NoIsig = 0x2, StopBits = 0x4;

    // sys/termios.h bits the enums of Terminal/ do not name.
    public const ControlModes Cs7 = (ControlModes)0x20;
    public const ControlModes CrtsCts = (ControlModes)0x80000000, CrtsXoff = (ControlModes)0x40000000;
    public const ControlModes ParExt = (ControlModes)0x100000, LoBlk = (ControlModes)0x8000;
    public const int IbShift = 16, VStatus = 16;
    public const byte B110 = 3, B9600 = 13, B38400 = 15;

    /// <summary>
    /// What from_compat adds to the input modes of any cooked state whose start and stop
    /// characters are enabled and which has no DECCTQ: IMAXBEL, BRKINT, IGNPAR, IXON, IXANY.
    /// </summary>
    public const InputModes CookedInput = InputModes.IMAXBEL | InputModes.BRKINT | InputModes.IGNPAR | InputModes.IXON | InputModes.IXANY;

    /// <summary>
    /// A cooked 8-bit state at 9600 baud with the usual characters: the mode word is
    /// <paramref name="flags"/> (PASS8 unless told), the extended flags <paramref name="xflags"/>.
    /// </summary>
    public static CompatState Cooked(int flags = CompatState.Pass8, int xflags = 0) => new()
    {
        ISpeed = B9600, OSpeed = B9600, Flags = flags, XFlags = xflags,
        Erase = 0x7f, Kill = 0x15, Intr = 0x03, Quit = 0x1c, Start = 0x11, Stop = 0x13, Eof = 0x04, Brk = 0xff,
        Susp = 0x1a, DSusp = 0x19, Reprint = 0x12, Discard = 0x0f, WErase = 0x17, LNext = 0x16,
    };

    /// <summary>A TCGETS answer with no mode bit set, so that every bit in from_compat's result is one it put there.</summary>
    public static Termios Blank { get; } = new(InputModes.None, OutputModes.None, ControlModes.None, LocalModes.None, Termios.Default.ControlChars);

    /// <summary>A TCGETS answer whose 19 control characters are 0x40, 0x41, ...: none equals a character of <see cref="Cooked"/>.</summary>
    public static Termios Lettered { get; } = Blank with
    {
        ControlChars = Enumerable.Range(0, Termios.ControlCharCount).Select(i => (byte)(0x40 + i)).ToImmutableArray(),
    };
}
