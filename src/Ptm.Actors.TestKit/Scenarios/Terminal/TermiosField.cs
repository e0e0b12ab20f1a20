namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>Which part of struct termios a name stands for.</summary>
internal enum TermiosFieldKind { Input, Output, Control, Local, Char, Speed }

/// <summary>
/// One termios field by its spec name (docs/spec-language.md: flags in lower case, control
/// characters, `min`, `time`, `speed`). Values are illumos': a flag's bit in its mode word, a
/// control character's c_cc index (VMIN shares VEOF's slot and VTIME VEOL's, as on illumos).
/// </summary>
internal readonly record struct TermiosField(string Name, TermiosFieldKind Kind, uint Bit, ControlChar Index = 0)
{
    public bool IsFlag => Kind is TermiosFieldKind.Input or TermiosFieldKind.Output or TermiosFieldKind.Control or TermiosFieldKind.Local;

    /// <summary>The field in <paramref name="termios"/>: 1/0 for a flag, a control character's
    /// value, the output baud rate for `speed`.</summary>
    public long Read(Termios termios) => Kind switch
    {
        TermiosFieldKind.Char => termios[Index],
        TermiosFieldKind.Speed => BaudRates.ToRate(termios.Speed),
        _ => (Word(termios) & Bit) != 0 ? 1 : 0,
    };

    /// <summary>A copy of <paramref name="termios"/> with this field set to <paramref name="value"/>
    /// (a flag: non-zero sets it; `speed`: a CBAUD code).</summary>
    public Termios Write(Termios termios, long value)
    {
        switch (Kind)
        {
            case TermiosFieldKind.Char:
                return termios.With(Index, (byte)value);
            case TermiosFieldKind.Speed:
                return termios with { Control = (termios.Control & ~ControlModes.CBAUD) | (ControlModes)((uint)value & (uint)ControlModes.CBAUD) };
        }
        var word = value != 0 ? Word(termios) | Bit : Word(termios) & ~Bit;
        return Kind switch
        {
            TermiosFieldKind.Input => termios with { Input = (InputModes)word },
            TermiosFieldKind.Output => termios with { Output = (OutputModes)word },
            TermiosFieldKind.Control => termios with { Control = (ControlModes)word },
            _ => termios with { Local = (LocalModes)word },
        };
    }

    private uint Word(Termios termios) => Kind switch
    {
        TermiosFieldKind.Input => (uint)termios.Input,
        TermiosFieldKind.Output => (uint)termios.Output,
        TermiosFieldKind.Control => (uint)termios.Control,
        _ => (uint)termios.Local,
    };
}

/// <summary>One change of `tcsetattr`: `FLAG` (Value 1), `-FLAG` (0), `NAME=VALUE`, `speed=BAUD` (a CBAUD code).</summary>
internal readonly record struct TermiosSetting(TermiosField Field, long Value)
{
    public Termios ApplyTo(Termios termios) => Field.Write(termios, Value);
}

/// <summary>The names a spec may use, with illumos' values (sys/termios.h).</summary>
internal static class TermiosNames
{
    public static readonly IReadOnlyList<TermiosField> Flags =
    [
        In("ignbrk", InputModes.IGNBRK), In("brkint", InputModes.BRKINT), In("ignpar", InputModes.IGNPAR),
        In("parmrk", InputModes.PARMRK), In("inpck", InputModes.INPCK), In("istrip", InputModes.ISTRIP),
        In("inlcr", InputModes.INLCR), In("igncr", InputModes.IGNCR), In("icrnl", InputModes.ICRNL),
        In("iuclc", InputModes.IUCLC), In("ixon", InputModes.IXON), In("ixany", InputModes.IXANY),
        In("ixoff", InputModes.IXOFF), In("imaxbel", InputModes.IMAXBEL),
        Out("opost", OutputModes.OPOST), Out("olcuc", OutputModes.OLCUC), Out("onlcr", OutputModes.ONLCR),
        Out("ocrnl", OutputModes.OCRNL), Out("onocr", OutputModes.ONOCR), Out("onlret", OutputModes.ONLRET),
        Ctl("cstopb", ControlModes.CSTOPB), Ctl("cread", ControlModes.CREAD), Ctl("parenb", ControlModes.PARENB),
        Ctl("parodd", ControlModes.PARODD), Ctl("hupcl", ControlModes.HUPCL), Ctl("clocal", ControlModes.CLOCAL),
        Loc("isig", LocalModes.ISIG), Loc("icanon", LocalModes.ICANON), Loc("echo", LocalModes.ECHO),
        Loc("echoe", LocalModes.ECHOE), Loc("echok", LocalModes.ECHOK), Loc("echonl", LocalModes.ECHONL),
        Loc("noflsh", LocalModes.NOFLSH), Loc("tostop", LocalModes.TOSTOP), Loc("echoctl", LocalModes.ECHOCTL),
        Loc("echoprt", LocalModes.ECHOPRT), Loc("echoke", LocalModes.ECHOKE), Loc("iexten", LocalModes.IEXTEN),
    ];

    public static readonly IReadOnlyList<TermiosField> Chars =
    [
        Cc("intr", ControlChar.VINTR), Cc("quit", ControlChar.VQUIT), Cc("erase", ControlChar.VERASE),
        Cc("kill", ControlChar.VKILL), Cc("eof", ControlChar.VEOF), Cc("eol", ControlChar.VEOL),
        Cc("eol2", ControlChar.VEOL2), Cc("start", ControlChar.VSTART), Cc("stop", ControlChar.VSTOP),
        Cc("susp", ControlChar.VSUSP), Cc("dsusp", ControlChar.VDSUSP), Cc("reprint", ControlChar.VREPRINT),
        Cc("discard", ControlChar.VDISCARD), Cc("werase", ControlChar.VWERASE), Cc("lnext", ControlChar.VLNEXT),
        Cc("min", ControlChar.VMIN), Cc("time", ControlChar.VTIME),
    ];

    public static readonly TermiosField Speed = new("speed", TermiosFieldKind.Speed, 0);

    public static bool TryFlag(string name, out TermiosField field) => TryFind(Flags, name, out field);

    public static bool TryChar(string name, out TermiosField field) => TryFind(Chars, name, out field);

    /// <summary>Any readable field: a flag, a control character or `speed`.</summary>
    public static bool TryField(string name, out TermiosField field)
    {
        if (name == Speed.Name) { field = Speed; return true; }
        return TryFlag(name, out field) || TryChar(name, out field);
    }

    private static bool TryFind(IReadOnlyList<TermiosField> fields, string name, out TermiosField field)
    {
        foreach (var candidate in fields)
            if (candidate.Name == name) { field = candidate; return true; }
        field = default;
        return false;
    }

    private static TermiosField In(string name, InputModes bit) => new(name, TermiosFieldKind.Input, (uint)bit);
    private static TermiosField Out(string name, OutputModes bit) => new(name, TermiosFieldKind.Output, (uint)bit);
    private static TermiosField Ctl(string name, ControlModes bit) => new(name, TermiosFieldKind.Control, (uint)bit);
    private static TermiosField Loc(string name, LocalModes bit) => new(name, TermiosFieldKind.Local, (uint)bit);
    private static TermiosField Cc(string name, ControlChar index) => new(name, TermiosFieldKind.Char, 0, index);
}
