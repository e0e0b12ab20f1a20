namespace Ptm.Actors;

// The termios mode bits with illumos' values (sys/termios.h). ldterm keeps the input, output
// and local modes and the control characters; ptem keeps the control modes (M3.2, M4.3).
// Meanings as termios(3C) and termio(7I) give them; ldterm's header comment lists what it does
// not model (XCASE, delays and fill characters, automatic IXOFF, PENDIN's rescan, TOSTOP).

/// <summary>c_iflag: how ldterm treats input bytes before the line discipline sees them (M1).</summary>
[Flags]
public enum InputModes : uint
{
    /// <summary>No input processing.</summary>
    None = 0,
    /// <summary>Ignore a break condition (M_BREAK) altogether.</summary>
    IGNBRK = 0x1,
    /// <summary>A break raises SIGINT and flushes the queues; without it a break reads as a NUL.</summary>
    BRKINT = 0x2,
    /// <summary>Ignore bytes with framing or parity errors (a pty has none).</summary>
    IGNPAR = 0x4,
    /// <summary>Mark errors and breaks in the data: a break reads as \377 \0 \0.</summary>
    PARMRK = 0x8,
    /// <summary>Enable input parity checking (a pty has no parity).</summary>
    INPCK = 0x10,
    /// <summary>Strip input bytes to seven bits.</summary>
    ISTRIP = 0x20,
    /// <summary>Map NL to CR on input.</summary>
    INLCR = 0x40,
    /// <summary>Ignore CR on input.</summary>
    IGNCR = 0x80,
    /// <summary>Map CR to NL on input (unless IGNCR).</summary>
    ICRNL = 0x100,
    /// <summary>Map upper-case letters to lower case on input.</summary>
    IUCLC = 0x200,
    /// <summary>Output flow control: the STOP character suspends output and START resumes it; neither is input.</summary>
    IXON = 0x400,
    /// <summary>With IXON, any input character restarts suspended output.</summary>
    IXANY = 0x800,
    /// <summary>Input flow control: send STOP/START to the other end as the input queue fills and drains.</summary>
    IXOFF = 0x1000,
    /// <summary>Ring the bell (echo BEL) when a canonical line is full, instead of discarding silently.</summary>
    IMAXBEL = 0x2000,
}

/// <summary>c_oflag: how ldterm processes what the subsidiary writes on its way to the manager (M1).</summary>
[Flags]
public enum OutputModes : uint
{
    /// <summary>No output processing.</summary>
    None = 0,
    /// <summary>Post-process output; without it every other output flag is ignored.</summary>
    OPOST = 0x1,
    /// <summary>Map lower-case letters to upper case on output.</summary>
    OLCUC = 0x2,
    /// <summary>Map NL to CR-NL on output: "\n" written on the subsidiary reaches the manager as "\r\n".</summary>
    ONLCR = 0x4,
    /// <summary>Map CR to NL on output.</summary>
    OCRNL = 0x8,
    /// <summary>Do not output a CR at column 0.</summary>
    ONOCR = 0x10,
    /// <summary>NL performs the carriage-return function: the column goes back to 0.</summary>
    ONLRET = 0x20,
    /// <summary>Use fill characters instead of a timed delay (delays are not modelled).</summary>
    OFILL = 0x40,
    /// <summary>The fill character is DEL instead of NUL (fill is not modelled).</summary>
    OFDEL = 0x80,
    /// <summary>TABDLY's XTABS setting: expand tabs to spaces.</summary>
    TAB3 = 0x1800,
    /// <summary>The mask of the horizontal-tab delay field, whose TAB3 value expands tabs.</summary>
    TABDLY = 0x1800,
}

/// <summary>c_cflag; the low four bits (CBAUD) are the output speed. ptem keeps it (M3.2); a pty has no line to configure, so only the speed matters.</summary>
[Flags]
public enum ControlModes : uint
{
    /// <summary>No control flags (with CBAUD 0: B0, a hang-up request).</summary>
    None = 0,
    /// <summary>The mask of the speed field: a <see cref="BaudRates"/> code; B0 hangs up (M3.4).</summary>
    CBAUD = 0xf,
    /// <summary>The mask of the character-size field.</summary>
    CSIZE = 0x30,
    /// <summary>Eight-bit characters (CSIZE's largest value).</summary>
    CS8 = 0x30,
    /// <summary>Two stop bits instead of one.</summary>
    CSTOPB = 0x40,
    /// <summary>Enable the receiver.</summary>
    CREAD = 0x80,
    /// <summary>Generate and check parity.</summary>
    PARENB = 0x100,
    /// <summary>Odd parity instead of even.</summary>
    PARODD = 0x200,
    /// <summary>Hang up on the last close.</summary>
    HUPCL = 0x400,
    /// <summary>Ignore modem status lines: a local line.</summary>
    CLOCAL = 0x800,
}

/// <summary>c_lflag: the line discipline's own behaviour, canonical input, echo and signals (M1).</summary>
[Flags]
public enum LocalModes : uint
{
    /// <summary>Raw input, no echo, no signals.</summary>
    None = 0,
    /// <summary>The INTR, QUIT, SUSP and DSUSP characters raise signals (M4.5) instead of being input.</summary>
    ISIG = 0x1,
    /// <summary>Canonical input: reads return whole lines, edited with ERASE, KILL and the rest; otherwise VMIN/VTIME rule.</summary>
    ICANON = 0x2,
    /// <summary>Canonical upper/lower-case presentation with backslash escapes (not modelled).</summary>
    XCASE = 0x4,
    /// <summary>Echo input back to the manager.</summary>
    ECHO = 0x8,
    /// <summary>Echo ERASE as backspace-space-backspace, erasing the character on screen.</summary>
    ECHOE = 0x10,
    /// <summary>Echo a NL after KILL.</summary>
    ECHOK = 0x20,
    /// <summary>Echo NL even when ECHO is off.</summary>
    ECHONL = 0x40,
    /// <summary>Do not flush the queues when INTR, QUIT or SUSP raises a signal.</summary>
    NOFLSH = 0x80,
    /// <summary>Stop background jobs that write to the terminal (SIGTTOU; not modelled: there are no processes).</summary>
    TOSTOP = 0x100,
    /// <summary>Echo control characters as ^X (DEL as ^?).</summary>
    ECHOCTL = 0x200,
    /// <summary>Echo erased characters between \ and /, for printing terminals.</summary>
    ECHOPRT = 0x400,
    /// <summary>KILL erases the whole line on screen, character by character.</summary>
    ECHOKE = 0x800,
    /// <summary>Output is being discarded: set and cleared by the DISCARD character.</summary>
    FLUSHO = 0x2000,
    /// <summary>Pending input is reprinted at the next read (ldterm clears it; the rescan is not modelled).</summary>
    PENDIN = 0x4000,
    /// <summary>Extended input processing: WERASE, REPRINT, DISCARD, LNEXT and DSUSP work.</summary>
    IEXTEN = 0x8000,
}

/// <summary>Indices into c_cc (illumos: VMIN shares VEOF's slot and VTIME VEOL's, as in System V).</summary>
public enum ControlChar
{
    /// <summary>INTR (default ^C): raises SIGINT under ISIG.</summary>
    VINTR = 0,
    /// <summary>QUIT (default ^\): raises SIGQUIT under ISIG.</summary>
    VQUIT = 1,
    /// <summary>ERASE (default DEL on illumos): deletes the last character of a canonical line.</summary>
    VERASE = 2,
    /// <summary>KILL (default ^U): deletes the whole canonical line.</summary>
    VKILL = 3,
    /// <summary>EOF (default ^D): ends a canonical line without itself; at line start the read returns 0.</summary>
    VEOF = 4,
    /// <summary>EOL (unset by default): an extra canonical line terminator.</summary>
    VEOL = 5,
    /// <summary>EOL2 (unset by default): a second extra line terminator.</summary>
    VEOL2 = 6,
    /// <summary>SWTCH (unset by default): the old shell-layers switch character; swallowed under ISIG.</summary>
    VSWTCH = 7,
    /// <summary>START (default ^Q): resumes suspended output under IXON.</summary>
    VSTART = 8,
    /// <summary>STOP (default ^S): suspends output under IXON.</summary>
    VSTOP = 9,
    /// <summary>SUSP (default ^Z): raises SIGTSTP under ISIG.</summary>
    VSUSP = 10,
    /// <summary>DSUSP (default ^Y): raises SIGTSTP under ISIG and IEXTEN, after the input ahead of it and without a flush.</summary>
    VDSUSP = 11,
    /// <summary>REPRINT (default ^R): re-echoes the canonical line typed so far.</summary>
    VREPRINT = 12,
    /// <summary>DISCARD (default ^O): toggles discarding of output (FLUSHO).</summary>
    VDISCARD = 13,
    /// <summary>WERASE (default ^W): deletes the last word of a canonical line.</summary>
    VWERASE = 14,
    /// <summary>LNEXT (default ^V): the next character is taken literally.</summary>
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

    /// <summary>B9600: the default speed (M4.3).</summary>
    public const uint B9600 = 13;

    /// <summary>B38400: the highest speed CBAUD's four bits can name.</summary>
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
