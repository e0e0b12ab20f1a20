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


    // illumos termios values: TIOC ('T' << 8 | n) and tIOC ('t' << 8 | n) of sys/termios.h. Without
    // ptem/ldterm nothing on the pair handles them (D7, D8).
    public const int TCGETA = 0x5401;
    public const int TCSETA = 0x5402;
    public const int TCSETAW = 0x5403;
    public const int TCSETAF = 0x5404;
    public const int TCSBRK = 0x5405;
    public const int TCXONC = 0x5406;
    public const int TCFLSH = 0x5407;
    public const int TCGETS = 0x540d;
    public const int TCSETS = 0x540e;
    public const int TCSETSW = 0x540f;
    public const int TCSETSF = 0x5410;

    /// <summary>tIOC | 30: the manager turns ptem's remote mode on or off (M3.8).</summary>
    public const int TIOCREMOTE = 0x741e;

    /// <summary>tIOC | 31: the manager asks ptem to send a signal up the subsidiary (M3.8).</summary>
    public const int TIOCSIGNAL = 0x741f;

    /// <summary>tIOC | 114: simulate terminal input (M3.5).</summary>
    public const int TIOCSTI = 0x7472;

    /// <summary>('j' &lt;&lt; 8) | 5: the window size in the old jwinsize layout (M3.5).</summary>
    public const int JWINSIZE = 0x6a05;

    // ttcompat's sgtty ioctls (6.4): tIOC | 8, 9, 10, 17, 18.
    public const int TIOCGETP = 0x7408;
    public const int TIOCSETP = 0x7409;
    public const int TIOCSETN = 0x740a;
    public const int TIOCSETC = 0x7411;
    public const int TIOCGETC = 0x7412;

    // The stream head's own ioctls (STR = 'S' << 8): they never travel down as M_IOCTL (M4.2).
    public const int I_PUSH = 0x5302;
    public const int I_POP = 0x5303;
    public const int I_FLUSH = 0x5305;
    public const int I_FIND = 0x530b;
    public const int I_LIST = 0x5315;

    private static readonly Dictionary<string, int> s_byName = new(StringComparer.Ordinal)
    {
        ["ISPTM"] = ISPTM,
        ["UNLKPT"] = UNLKPT,
        ["PTSSTTY"] = PTSSTTY,
        ["ZONEPT"] = ZONEPT,
        ["OWNERPT"] = OWNERPT,
        ["TCGETA"] = TCGETA,
        ["TCSETA"] = TCSETA,
        ["TCSETAW"] = TCSETAW,
        ["TCSETAF"] = TCSETAF,
        ["TCGETS"] = TCGETS,
        ["TCSETS"] = TCSETS,
        ["TCSETSW"] = TCSETSW,
        ["TCSETSF"] = TCSETSF,
        ["TCSBRK"] = TCSBRK,
        ["TCXONC"] = TCXONC,
        ["TCFLSH"] = TCFLSH,
        ["TIOCGWINSZ"] = TIOCGWINSZ,
        ["TIOCSWINSZ"] = TIOCSWINSZ,
        ["TIOCSTI"] = TIOCSTI,
        ["TIOCSIGNAL"] = TIOCSIGNAL,
        ["TIOCREMOTE"] = TIOCREMOTE,
        ["JWINSIZE"] = JWINSIZE,
        ["TIOCGETP"] = TIOCGETP,
        ["TIOCSETP"] = TIOCSETP,
        ["TIOCSETN"] = TIOCSETN,
        ["TIOCGETC"] = TIOCGETC,
        ["TIOCSETC"] = TIOCSETC,
        ["I_PUSH"] = I_PUSH,
        ["I_POP"] = I_POP,
        ["I_FIND"] = I_FIND,
        ["I_LIST"] = I_LIST,
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
