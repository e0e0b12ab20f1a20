using Ptm.Actors.Modules;
using static Ptm.Actors.Tests.Modules.TtcompatToCompat.Ttold;

namespace Ptm.Actors.Tests.Modules.TtcompatToCompat;

/// <summary>The termioses the to_compat tests read, and the mode word ttcompat.c gives for them.</summary>
internal static class ToCompatReading
{
    /// <summary>CS7 (illumos termios.h); ControlModes names only CS8.</summary>
    public const ControlModes CS7 = (ControlModes)0x20;

    /// <summary>
    /// What to_compat makes of M4.3's default modes: ECHO, ONLCR, TAB3, ECHOE, ECHOKE and ECHOCTL
    /// give their bits; CS8 without ISTRIP is PASS8; no IXANY is DECCTQ.
    /// </summary>
    public const int DefaultFlags = Echo | Crmod | Xtabs | Pass8 | CtlEch | CrtEra | CrtBs | CrtKil | DecCtq;

    /// <summary>The default modes without any input, output or local processing: ttcompat's RAW.</summary>
    public static readonly Termios RawTermios = Termios.Default with { Input = InputModes.None, Output = OutputModes.None, Local = LocalModes.None };

    /// <summary>The default modes with 8-bit characters sent as they are (no OPOST): LITOUT, not RAW.</summary>
    public static readonly Termios LiteralOutput = Termios.Default with { Output = Termios.Default.Output & ~OutputModes.OPOST };

    /// <summary>The default modes with another character size and parity (CSIZE, PARENB, PARODD).</summary>
    public static Termios WithCharacters(ControlModes sizeAndParity, InputModes input = InputModes.None) => Termios.Default with
    {
        Control = (Termios.Default.Control & ~(ControlModes.CSIZE | ControlModes.PARENB | ControlModes.PARODD)) | sizeAndParity,
        Input = Termios.Default.Input | input,
    };

    /// <summary>
    /// One CompatState that read each termios in turn, as ttcompat's t_curstate reads every
    /// TCGETS answer of its stream: to_compat keeps some of what the read before it left.
    /// </summary>
    public static CompatState Read(params Termios[] termioses)
    {
        var state = new CompatState();
        foreach (var termios in termioses) state.ToCompat(termios);
        return state;
    }
}
