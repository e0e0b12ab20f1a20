namespace Ptm.Actors;

/// <summary>ioctl numbers: the driver's own ('P' &lt;&lt; 8 | n, N10) and a few terminal ones the bare drivers do not know.</summary>
public static class IoctlCommands
{
    public const int ISPTM = 0x5001;
    public const int UNLKPT = 0x5002;
    public const int PTSSTTY = 0x5003;
    public const int ZONEPT = 0x5004;
    public const int OWNERPT = 0x5005;

    /// <summary>illumos TIOCGWINSZ, tIOC | 104 ('t' &lt;&lt; 8): answered by ptem only (M3.8); a bare pair forwards it (D7, D8).</summary>
    public const int TIOCGWINSZ = 0x7468;

    /// <summary>illumos TIOCSWINSZ, tIOC | 103.</summary>
    public const int TIOCSWINSZ = 0x7467;

    private static readonly Dictionary<string, int> s_byName = new(StringComparer.Ordinal)
    {
        ["ISPTM"] = ISPTM,
        ["UNLKPT"] = UNLKPT,
        ["PTSSTTY"] = PTSSTTY,
        ["ZONEPT"] = ZONEPT,
        ["OWNERPT"] = OWNERPT,
        // illumos termios values: TIOC ('T' << 8 | n) and tIOC ('t' << 8 | n) of sys/termios.h. Without
        // ptem/ldterm nothing on the pair handles them (D7, D8).
        ["TCGETA"] = 0x5401,
        ["TCSETA"] = 0x5402,
        ["TCGETS"] = 0x540d,
        ["TCSETS"] = 0x540e,
        ["TCSBRK"] = 0x5405,
        ["TCFLSH"] = 0x5407,
        ["TIOCGWINSZ"] = TIOCGWINSZ,
        ["TIOCSWINSZ"] = TIOCSWINSZ,
        ["TIOCSTI"] = 0x7472, // tIOC | 114
    };

    /// <summary>The number for a known name; any other upper-case name maps to a stable number in an unused range.</summary>
    public static bool TryParse(string name, out int command)
    {
        if (s_byName.TryGetValue(name, out command)) return true;
        if (name.Length == 0) return false;
        foreach (var c in name)
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_')) return false;
        var hash = 0x9e37;
        foreach (var c in name) hash = unchecked(hash * 31 + c);
        command = 0x7f000000 | (hash & 0xffff); // never one of the driver's own numbers
        return true;
    }
}
