using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

// Non-canonical input (ldterm_dononcanon) and VMIN/VTIME: bytes collect in the line buffer and go
// up as one message when the case below allows, judged both when input arrives and when the head
// asks with M_READ (it does so once ldterm has sent SO_MREADON). The four cases, as in Linux:
//   VMIN = 0, VTIME = 0: a read returns what there is, or 0 bytes at once;
//   VMIN = 0, VTIME > 0: a read returns what comes, or 0 bytes when VTIME runs out (timer armed at M_READ);
//   VMIN > 0, VTIME = 0: the bytes go up once VMIN are there;
//   VMIN > 0, VTIME > 0: VMIN bytes, or what came when VTIME passes without another byte (inter-byte timer).
// Note that in illumos VMIN and VTIME share the slots of VEOF and VEOL: leaving canonical mode
// without setting them gives VMIN = 4 (^D) and VTIME = 0.
internal sealed partial class Ldterm
{
    /// <summary>TS_MREAD: an M_READ is outstanding, a reader waits at the head.</summary>
    private bool _readPending;

    private bool _timerArmed;

    private byte MinimumBytes => Cc(ControlChar.VMIN);
    private byte TenthsToWait => Cc(ControlChar.VTIME);

    /// <summary>One byte of raw input: LNEXT still shields the next byte (IEXTEN); echo as typed.</summary>
    private void NonCanonical(byte c)
    {
        if ((_modes.Local & (LocalModes.ECHO | LocalModes.ECHONL | LocalModes.IEXTEN)) == 0)
        {
            _literalNext = false;
            _line.Add(c);
            return;
        }
        if (Has(LocalModes.IEXTEN) && !_literalNext && c != Termios.Disabled && c == Cc(ControlChar.VLNEXT))
        {
            if (Has(LocalModes.ECHO)) OutString("^\b");
            _literalNext = true;
            return;
        }
        _literalNext = false;
        _line.Add(c);
        if (Has(LocalModes.ECHO)) Echo(c);
        else if (c == '\n' && Has(LocalModes.ECHONL)) OutChar(c);
    }

    /// <summary>
    /// Input arrived (or canonical mode ended with a partial line): send it up if its case allows,
    /// else (re)arm the inter-byte timer. With nothing collected nothing is sent (PD10: ldterm.c
    /// would send an empty message, a false end of file, when all the input was consumed).
    /// </summary>
    private void InputArrived(IModuleContext context)
    {
        if (_line.Count == 0) return;
        var min = MinimumBytes;
        var time = TenthsToWait;
        if (min == 0 || _line.Count >= min) Satisfied(context, sendUp: true);
        else if (time > 0) StartTimer(context);
    }

    /// <summary>
    /// M_READ from the head (ldtermwput): judge the case now, arm VTIME where the read must wait
    /// for it, and pass the M_READ on. Its byte count does not matter: the head takes what it needs.
    /// </summary>
    private void ReadRequested(ReadMessage read, IModuleContext context)
    {
        if (!_modes.IsCanonical)
        {
            if (_readPending) Satisfied(context, sendUp: false); // a new read replaces the old one and its timer
            _readPending = true;
            var min = MinimumBytes;
            var time = TenthsToWait;
            if (min == 0 && time > 0)
            {
                if (_line.Count > 0) Satisfied(context, sendUp: true);
                else StartTimer(context);
            }
            else if (min > 0 && _line.Count >= min)
            {
                Satisfied(context, sendUp: true);
            }
            else if (min > 0 && time > 0)
            {
                if (_line.Count > 0) StartTimer(context);
            }
            else if (min == 0)
            {
                Satisfied(context, sendUp: true); // what there is, possibly nothing: the 0-byte read
            }
        }
        context.PutDown(read);
    }

    /// <summary>
    /// vmin_satisfied: the timer stops, the outstanding read is over and, if asked, the collected
    /// bytes go up - an empty message only when VMIN is 0 (the read returns 0).
    /// </summary>
    private void Satisfied(IModuleContext context, bool sendUp)
    {
        CancelTimer(context);
        if (sendUp && !(_line.Count == 0 && MinimumBytes > 0)) SendLine(context);
        _readPending = false;
    }

    private void StartTimer(IModuleContext context)
    {
        context.StartTimer(TimeSpan.FromMilliseconds(100 * TenthsToWait));
        _timerArmed = true;
    }

    private void CancelTimer(IModuleContext context)
    {
        if (!_timerArmed) return;
        context.CancelTimer();
        _timerArmed = false;
    }
}
