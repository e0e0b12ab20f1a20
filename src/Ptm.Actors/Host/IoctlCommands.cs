namespace Ptm.Actors;

/// <summary>ioctl numbers: the driver's own ('P' &lt;&lt; 8 | n, N10) and a few terminal ones the bare drivers do not know.</summary>
public static class IoctlCommands
{
    /// <summary>"Is this a manager?": ptm ACKs it with 0 in every state (I1); anywhere else it fails. libc's manager check (C2).</summary>
    public const int ISPTM = 0x5001;
    /// <summary>unlockpt: ptm clears PTLOCK so the subsidiary can be opened (I2, L6); idempotent, with no way to re-lock.</summary>
    public const int UNLKPT = 0x5002;
    /// <summary>"The terminal modules are arranged": ptm always ACKs; a bare pts, or ptem above it, fails EEXIST the second time (I3).</summary>
    public const int PTSSTTY = 0x5003;
    /// <summary>zonept: ptm sets the zone that may open the subsidiary; needs privilege (EPERM) and a zone id in 0..9999 as payload (I4).</summary>
    public const int ZONEPT = 0x5004;
    /// <summary>The owner ptm reports for /dev/pts/N (uid, gid payload; EINVAL for an invalid id); grantpt sends it (I5, C6).</summary>
    public const int OWNERPT = 0x5005;

    /// <summary>illumos TIOCGWINSZ, tIOC | 104 ('t' &lt;&lt; 8): answered by ptem only (M3.8); a bare pair forwards it (D7, D8).</summary>
    public const int TIOCGWINSZ = 0x7468;

    /// <summary>illumos TIOCSWINSZ, tIOC | 103: ptem sets the window size and raises SIGWINCH when it changes (M3.5, M3.8).</summary>
    public const int TIOCSWINSZ = 0x7467;

    // illumos termios values: TIOC ('T' << 8 | n) and tIOC ('t' << 8 | n) of sys/termios.h. Without
    // ptem/ldterm nothing on the pair handles them (D7, D8).
    /// <summary>Get the modes in the old struct termio layout; ldterm answers it, and isatty is this call succeeding (M4.4).</summary>
    public const int TCGETA = 0x5401;
    /// <summary>Set the modes from a struct termio, merged into the low 16 bits (ldterm; ptem keeps c_cflag, M3.3).</summary>
    public const int TCSETA = 0x5402;
    /// <summary>TCSETA once queued output has drained.</summary>
    public const int TCSETAW = 0x5403;
    /// <summary>TCSETA once queued output has drained, discarding pending input.</summary>
    public const int TCSETAF = 0x5404;
    /// <summary>tcdrain/tcsendbreak: ptem waits for output to drain and, for an argument of 0, sends a break (M3.5, M3.8).</summary>
    public const int TCSBRK = 0x5405;
    /// <summary>tcflow: ldterm suspends (0) or restarts (1) output, or asks the other end to stop (2) or resume (3) sending.</summary>
    public const int TCXONC = 0x5406;
    /// <summary>tcflush: ldterm discards input (0), output (1) or both (2), as M_FLUSH down and up.</summary>
    public const int TCFLSH = 0x5407;
    /// <summary>tcgetattr: ldterm answers with the whole <see cref="Termios"/>.</summary>
    public const int TCGETS = 0x540d;
    /// <summary>tcsetattr(TCSANOW): ldterm takes the new modes, ptem its c_cflag; a speed of B0 hangs up (M3.3, M3.4).</summary>
    public const int TCSETS = 0x540e;
    /// <summary>tcsetattr(TCSADRAIN): TCSETS once queued output has drained.</summary>
    public const int TCSETSW = 0x540f;
    /// <summary>tcsetattr(TCSAFLUSH): TCSETS once output has drained, discarding pending input.</summary>
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
    /// <summary>sgtty gtty: ttcompat answers a struct sgttyb built from the termios.</summary>
    public const int TIOCGETP = 0x7408;
    /// <summary>sgtty stty: ttcompat turns a struct sgttyb into a TCSETSF (pending input is discarded).</summary>
    public const int TIOCSETP = 0x7409;
    /// <summary>TIOCSETP without discarding input: ttcompat sends a TCSETS.</summary>
    public const int TIOCSETN = 0x740a;
    /// <summary>Set the struct tchars characters (INTR, QUIT, START, STOP, EOF, BRK): ttcompat sends a TCSETS.</summary>
    public const int TIOCSETC = 0x7411;
    /// <summary>Get the struct tchars characters: ttcompat answers from the termios.</summary>
    public const int TIOCGETC = 0x7412;

    // The stream head's own ioctls (STR = 'S' << 8): they never travel down as M_IOCTL (M4.2).
    /// <summary>Push a module (its name as payload) directly under the stream head; EINVAL for an unknown name or a tenth module (M4.2).</summary>
    public const int I_PUSH = 0x5302;
    /// <summary>Pop the topmost module; EINVAL when none is pushed (M4.2).</summary>
    public const int I_POP = 0x5303;
    /// <summary>Discard queued data in the directions a <see cref="FlushFlags"/> names, as a round trip (H2, H6); the host calls it DiscardAsync.</summary>
    public const int I_FLUSH = 0x5305;
    /// <summary>Is the named module pushed? Answers 1 or 0; EINVAL for a name that is no module (M4.2).</summary>
    public const int I_FIND = 0x530b;
    /// <summary>The pushed modules, topmost first, then the driver (M4.2).</summary>
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
