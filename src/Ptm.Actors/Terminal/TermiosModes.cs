namespace Ptm.Actors;

// The termios mode bits with illumos' values (sys/termios.h). ldterm keeps the input, output
// and local modes and the control characters; ptem keeps the control modes (M3.2, M4.3).

/// <summary>c_iflag.</summary>
[Flags]
public enum InputModes : uint
{
    None = 0,
    IGNBRK = 0x1,
    BRKINT = 0x2,
    IGNPAR = 0x4,
    PARMRK = 0x8,
    INPCK = 0x10,
    ISTRIP = 0x20,
    INLCR = 0x40,
    IGNCR = 0x80,
    ICRNL = 0x100,
    IUCLC = 0x200,
    IXON = 0x400,
    IXANY = 0x800,
    IXOFF = 0x1000,
    IMAXBEL = 0x2000,
}

/// <summary>c_oflag.</summary>
[Flags]
public enum OutputModes : uint
{
    None = 0,
    OPOST = 0x1,
    OLCUC = 0x2,
    ONLCR = 0x4,
    OCRNL = 0x8,
    ONOCR = 0x10,
    ONLRET = 0x20,
    OFILL = 0x40,
    OFDEL = 0x80,
    /// <summary>TABDLY's XTABS setting: expand tabs to spaces.</summary>
    TAB3 = 0x1800,
    TABDLY = 0x1800,
}

/// <summary>c_cflag; the low four bits (CBAUD) are the output speed.</summary>
[Flags]
public enum ControlModes : uint
{
    None = 0,
    CBAUD = 0xf,
    CSIZE = 0x30,
    CS8 = 0x30,
    CSTOPB = 0x40,
    CREAD = 0x80,
    PARENB = 0x100,
    PARODD = 0x200,
    HUPCL = 0x400,
    CLOCAL = 0x800,
}

/// <summary>c_lflag.</summary>
[Flags]
public enum LocalModes : uint
{
    None = 0,
    ISIG = 0x1,
    ICANON = 0x2,
    XCASE = 0x4,
    ECHO = 0x8,
    ECHOE = 0x10,
    ECHOK = 0x20,
    ECHONL = 0x40,
    NOFLSH = 0x80,
    TOSTOP = 0x100,
    ECHOCTL = 0x200,
    ECHOPRT = 0x400,
    ECHOKE = 0x800,
    FLUSHO = 0x2000,
    PENDIN = 0x4000,
    IEXTEN = 0x8000,
}

/// <summary>Indices into c_cc (illumos: VMIN shares VEOF's slot and VTIME VEOL's, as in System V).</summary>
public enum ControlChar
{
    VINTR = 0,
    VQUIT = 1,
    VERASE = 2,
    VKILL = 3,
    VEOF = 4,
    VEOL = 5,
    VEOL2 = 6,
    VSWTCH = 7,
    VSTART = 8,
    VSTOP = 9,
    VSUSP = 10,
    VDSUSP = 11,
    VREPRINT = 12,
    VDISCARD = 13,
    VWERASE = 14,
    VLNEXT = 15,
    /// <summary>Non-canonical mode's minimum byte count: the same slot as VEOF.</summary>
    VMIN = 4,
    /// <summary>Non-canonical mode's timer, in tenths of a second: the same slot as VEOL.</summary>
    VTIME = 5,
}

/// <summary>Baud rates as CBAUD codes.</summary>
public static class BaudRates
{
    /// <summary>B0: hang up (M3.4).</summary>
    public const uint B0 = 0;
    public const uint B9600 = 13;
    public const uint B38400 = 15;

    private static readonly int[] s_rates = { 0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400 };

    /// <summary>The rate a CBAUD code stands for (9600 for 13).</summary>
    public static int ToRate(uint code) => s_rates[code & 0xf];

    /// <summary>The CBAUD code of a rate; false for a rate with none.</summary>
    public static bool TryFromRate(int rate, out uint code)
    {
        var index = Array.IndexOf(s_rates, rate);
        code = (uint)Math.Max(index, 0);
        return index >= 0;
    }
}
