using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

/*
 * ldterm, the terminal line discipline (M1), pushed on the subsidiary above ptem. Its procedures
 * only see messages and the module context; the module actor (M4.1) queues and hands them over.
 *
 * State. One termios, starting from the ttymodes defaults (M4.3). ldterm keeps the whole of it,
 * c_cflag too, because it answers TCGETS and TCGETA itself (see below); ptem keeps its own c_cflag.
 * It also keeps the line being assembled (the raw bytes waiting for VMIN in non-canonical mode
 * share that buffer, as t_message does), the output column, and a handful of flags.
 *
 * Read side (from ptem, i.e. what the manager typed):
 *  - every byte is first scanned as ldtermrput does: ISTRIP; a literal next (LNEXT) shields the
 *    byte after it; IXON STOP/START (IXANY: any byte restarts) become M_STOP/M_START down and are
 *    not input; IEXTEN DISCARD toggles output discarding; ISIG INTR, QUIT, SUSP raise SIGINT,
 *    SIGQUIT, SIGTSTP as M_PCSIG and DSUSP SIGTSTP as M_SIG; IGNCR, ICRNL, INLCR, IUCLC map.
 *  - a signal (ldterm_dosig) flushes unless NOFLSH: M_FLUSH(FLUSHRW) down, M_FLUSH(FLUSHW) up (its
 *    turned-round copy is swallowed once on the write side), output restarted if stopped; the
 *    signal goes up (before the flushes when output was stopped) and the character is echoed.
 *  - canonical mode (ICANON) assembles a line of at most MaxLine bytes: ERASE (and VERASE2),
 *    WERASE, KILL, REPRINT, LNEXT, a backslash quoting ERASE/KILL/EOF; NL, EOL, EOL2 end the line
 *    and go up with it, EOF ends it without itself (at line start: a zero-length message, the
 *    0-byte read). Each line goes up as one M_DATA; the head reads it message-nondiscard.
 *  - non-canonical mode collects bytes and sends them up under VMIN/VTIME: on their arrival and
 *    on M_READ from the head (SO_MREADON), with the one timer for VTIME (ldterm_dononcanon,
 *    ldtermwput M_READ, vmin_satisfied).
 *  - M_BREAK: BRKINT gives SIGINT and flushes even under NOFLSH; otherwise a NUL goes up.
 *  - M_CTL MC_NO_CANON / MC_DO_CANON (ptem's TIOCREMOTE, M3.8) stop and resume all input
 *    processing; the partial line is dropped. M_FLUSH drops the line and passes up; M_HANGUP
 *    drops it, restarts output and sends the flushes ldterm sends; anything else passes up.
 * Echo is built per input message and sent down through output processing.
 *
 * Write side (from the head): M_DATA gets OPOST processing (OLCUC, ONLCR, OCRNL, ONOCR, ONLRET,
 * TAB3) with the column tracked; ioctls as in Ldterm.Ioctl.cs; M_READ drives VMIN/VTIME and
 * passes down; M_FLUSH passes down and ends a pending M_READ; anything else passes down.
 *
 * Where this differs from ldterm.c, on purpose:
 *  - TCGETS/TCGETA are answered here. ldterm.c passes them down and fills in ptem's ACK
 *    (ldterm_ioctl_reply); with ptem below the answer is the same, and answering here is what
 *    makes isatty hold with ldterm alone (M4.4).
 *  - A signal, TCFLSH and the F variants of TCSETS/TCSETA drop the pending line at once. In
 *    illumos that happens when the M_FLUSH(FLUSHR) comes back up from pts (D5) or ptem (M3.3).
 *  - Bytes are handled one at a time in order (Linux order), where ldterm.c scans a whole message
 *    for signal and flow characters before assembling any of it.
 *  - Known slips are not modelled (PD10): raw input with nothing left in it after the scan never
 *    sends a zero-length message up (a false end of file).
 *  - Not modelled: XCASE, delays and fill characters, EUC/codeset ioctls, automatic IXOFF
 *    (it needs the queue count), PENDIN's rescan, TOSTOP's SO_TOSTOP, the close-time drain.
 *    Multibyte input is UTF-8 (ldterm's mode at open): ERASE removes a whole UTF-8 character
 *    and a character counts one column.
 */

/// <summary>The terminal line discipline (M1): canonical and raw input, echo, signals, character mapping, termios ioctls.</summary>
internal sealed partial class Ldterm : StreamModule
{
    /// <summary>_TTY_BUFSIZ (N7): the line buffer; also the read queue's high-water mark.</summary>
    public const int BufferSize = 2048;

    /// <summary>
    /// The longest line, terminator included: ldterm refuses a byte once the line holds more than
    /// _TTY_BUFSIZ + 1 minus its widest character (4 bytes in its UTF-8 mode), so 2046 bytes.
    /// </summary>
    public const int MaxLine = BufferSize + 1 - 4 + 1;

    /// <summary>LOWAT (ldterm.h): the low-water mark ldterm gives its read queue and the stream head.</summary>
    private const int LowWater = 200;

    /// <summary>illumos VERASE2 (slot 17): a second erase character, disabled by default.</summary>
    private const int VErase2 = 17;

    private Termios _modes = Termios.Default;

    /// <summary>The line being assembled (canonical) or the bytes waiting for VMIN (t_message).</summary>
    private readonly List<byte> _line = new();

    public override string Name => "ldterm";

    /// <summary>ldterm's module_info for its read queue: _TTY_BUFSIZ / LOWAT.</summary>
    public override WaterMarks ReadMarks => new(BufferSize, LowWater);

    /// <summary>A write queue of high-water 1: anything queued there holds the writer back.</summary>
    public override WaterMarks WriteMarks => new(1, 0);

    /// <summary>The modes now in force (what TCGETS answers).</summary>
    public Termios Modes => _modes;

    /// <summary>ldtermopen: the head becomes a terminal with the terminal water marks and message-nondiscard reads (canonical mode).</summary>
    public override Errno Open(IModuleContext context)
    {
        context.PutUp(new SetOptionsMessage(new WaterMarks(BufferSize, LowWater), ReadMode.MessageNondiscard, IsTty: true));
        return Errno.None;
    }

    /// <summary>ldtermclose: no timer left behind, and the head goes back to byte-stream reads without M_READ.</summary>
    public override void Close(IModuleContext context)
    {
        CancelTimer(context);
        context.PutUp(new SetOptionsMessage(null, ReadMode.ByteStream, ReadNotify: false));
    }

    public override void WritePut(StreamMessage message, IModuleContext context)
    {
        switch (message)
        {
            case DataMessage data: Output(data, context); break;
            case IoctlMessage ioctl: Ioctl(ioctl, context); break;
            case FlushMessage flush: FlushFromAbove(flush, context); break;
            case ReadMessage read: ReadRequested(read, context); break;
            default: context.PutDown(message); break;
        }
    }

    public override void ReadPut(StreamMessage message, IModuleContext context)
    {
        switch (message)
        {
            case DataMessage data: Input(data, context); break;
            case FlushMessage flush: FlushFromBelow(flush, context); break;
            case BreakMessage: Break(context); break;
            case CtlMessage control: Control(control, context); break;
            case HangupMessage hangup: HangUp(hangup, context); break;
            default: context.PutUp(message); break;
        }
    }

    public override void TimerFired(IModuleContext context)
    {
        _timerArmed = false;
        Satisfied(context, sendUp: true);
    }

    /// <summary>
    /// M_FLUSH from above. The copy of our own FLUSHW that the head turned round is swallowed once
    /// (TS_FLUSHWAIT); any other passes down and, as ldterm's kludge, ends a pending timed read.
    /// </summary>
    private void FlushFromAbove(FlushMessage flush, IModuleContext context)
    {
        if (_flushWait && flush.Flags == FlushFlags.FLUSHW)
        {
            _flushWait = false;
            return;
        }
        context.PutDown(flush);
        if (_readPending) Satisfied(context, sendUp: false);
    }

    /// <summary>M_FLUSH from below: whatever ldterm has looked at is dropped, whichever side the flush names (ldtermrput), and the flush goes on up.</summary>
    private void FlushFromBelow(FlushMessage flush, IModuleContext context)
    {
        DiscardLine();
        context.PutUp(flush);
    }

    /// <summary>MC_NO_CANON / MC_DO_CANON from ptem (M3.8): someone below does the line editing. The M_CTL goes on up for anyone else.</summary>
    private void Control(CtlMessage control, IModuleContext context)
    {
        if (control.Command == CtlMessage.NoCanon)
        {
            _noCanon = true;
            DiscardLine();
        }
        else if (control.Command == CtlMessage.DoCanon)
        {
            _noCanon = false;
        }
        context.PutUp(control);
    }

    /// <summary>
    /// M_HANGUP: drop the line, restart stopped output (no ^Q is coming), flush the write side up
    /// (the head turns it round) and the read side down through our own write side, then pass it up.
    /// </summary>
    private void HangUp(HangupMessage hangup, IModuleContext context)
    {
        DiscardLine();
        if (_outputStopped) RestartOutput(context);
        context.PutUp(new FlushMessage(FlushFlags.FLUSHW));
        FlushFromAbove(new FlushMessage(FlushFlags.FLUSHR), context);
        context.PutUp(hangup);
    }

    /// <summary>Drops the line being assembled and what was echoed of it (t_message, t_rocount, t_rocol).</summary>
    private void DiscardLine()
    {
        _line.Clear();
        _echoedCount = 0;
        _echoColumn = 0;
    }

    private bool Has(LocalModes mode) => (_modes.Local & mode) != 0;
    private bool Has(InputModes mode) => (_modes.Input & mode) != 0;
    private bool Has(OutputModes mode) => (_modes.Output & mode) != 0;
    private byte Cc(ControlChar index) => _modes[index];
}
