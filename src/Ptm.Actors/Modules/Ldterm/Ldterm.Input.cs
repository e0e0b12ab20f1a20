using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

// The first look at every input byte (ldtermrput): stripping, literal next, flow control, output
// discarding, signal characters and the CR/NL mapping; then canonical or raw assembly.
internal sealed partial class Ldterm
{
    /// <summary>TS_NOCANON: ptem's remote mode (MC_NO_CANON) - input passes up untouched.</summary>
    private bool _noCanon;

    /// <summary>TS_PLNCH: the scan saw LNEXT, so the next byte is not special to it.</summary>
    private bool _scanLiteral;

    /// <summary>FLUSHO: DISCARD was typed; output is dropped until it is typed again or other input comes.</summary>
    private bool _discarding;

    private void Input(DataMessage data, IModuleContext context)
    {
        if (_noCanon)
        {
            context.PutUp(data);
            return;
        }
        // Without any of these, ldtermrput only strips; the scan below would change nothing else.
        var scan = (_modes.Input & (InputModes.INLCR | InputModes.IGNCR | InputModes.ICRNL | InputModes.IUCLC | InputModes.IXON)) != 0
            || (_modes.Local & (LocalModes.ISIG | LocalModes.ICANON)) != 0;
        var canonical = _modes.IsCanonical;
        foreach (var received in data.Bytes.Span)
        {
            var c = Has(InputModes.ISTRIP) ? (byte)(received & 0x7f) : received;
            if (scan)
            {
                if (!Scan(ref c, context)) continue;
            }
            else
            {
                _discarding = false;
            }
            if (canonical) Canonical(c, context);
            else NonCanonical(c);
        }
        if (!canonical) InputArrived(context);
        SendEcho(context);
    }

    /// <summary>
    /// Input that must wait (its echo needs room that stopped output holds, M4.1): ldtermrput
    /// scans for START before anything waits, so START, or any byte with IXANY, restarts output
    /// now (M3.6). The byte itself is taken later, in order, by <see cref="ReadPut"/>, where
    /// START is dropped as usual. An LNEXT that ends input already waiting is not seen here.
    /// </summary>
    public override void ReadPutWaiting(StreamMessage message, IModuleContext context)
    {
        if (_noCanon || !_outputStopped || !Has(InputModes.IXON) || message is not DataMessage data) return;
        var extended = Has(LocalModes.IEXTEN);
        var literal = false;
        foreach (var received in data.Bytes.Span)
        {
            var c = Has(InputModes.ISTRIP) ? (byte)(received & 0x7f) : received;
            if (literal)
            {
                literal = false;
                continue;
            }
            if (extended && c != Termios.Disabled && c == Cc(ControlChar.VLNEXT))
            {
                literal = true;
                continue;
            }
            if ((c != Termios.Disabled && c == Cc(ControlChar.VSTART)) || (extended && Has(InputModes.IXANY)))
            {
                RestartOutput(context);
                return;
            }
        }
    }

    /// <summary>One byte through ldtermrput's scan; false when it was consumed (a flow, discard or signal character, an ignored CR).</summary>
    private bool Scan(ref byte c, IModuleContext context)
    {
        if (_scanLiteral)
        {
            _scanLiteral = false;
            _discarding = false;
            return true;
        }
        var extended = Has(LocalModes.IEXTEN);
        if (c == Termios.Disabled)
        {
            // NUL is never a special character (it is _POSIX_VDISABLE), but it may restart output.
            if (Has(InputModes.IXON) && _outputStopped && extended && Has(InputModes.IXANY)) RestartOutput(context);
            _discarding = false;
            return true;
        }
        if (Has(InputModes.IXON))
        {
            if (_outputStopped)
            {
                if (c == Cc(ControlChar.VSTART) || (extended && Has(InputModes.IXANY))) RestartOutput(context);
            }
            else if (c == Cc(ControlChar.VSTOP))
            {
                StopOutput(context);
            }
            if (c == Cc(ControlChar.VSTOP) || c == Cc(ControlChar.VSTART)) return false;
        }
        if (extended)
        {
            if (c == Cc(ControlChar.VLNEXT))
            {
                _scanLiteral = true;
                _discarding = false;
                return true; // stays in the input: assembly sees it too
            }
            if (c == Cc(ControlChar.VDISCARD))
            {
                DiscardOutput(c, context);
                return false;
            }
        }
        _discarding = false;
        if (Has(LocalModes.ISIG))
        {
            if (c == Cc(ControlChar.VINTR)) return RaiseSignal(Signal.SIGINT, c, FlushFlags.FLUSHRW, context);
            if (c == Cc(ControlChar.VQUIT)) return RaiseSignal(Signal.SIGQUIT, c, FlushFlags.FLUSHRW, context);
            if (c == Cc(ControlChar.VSWTCH)) return false;
            if (c == Cc(ControlChar.VSUSP)) return RaiseSignal(Signal.SIGTSTP, c, FlushFlags.FLUSHRW, context);
            // The delayed suspend is an ordinary M_SIG: it waits behind the input already sent up.
            if (extended && c == Cc(ControlChar.VDSUSP)) return RaiseSignal(Signal.SIGTSTP, c, FlushFlags.None, context);
        }
        if (c == '\r')
        {
            if (Has(InputModes.IGNCR)) return false;
            if (Has(InputModes.ICRNL)) c = (byte)'\n';
        }
        else if (c == '\n' && Has(InputModes.INLCR))
        {
            c = (byte)'\r';
        }
        if (Has(InputModes.IUCLC) && c is >= (byte)'A' and <= (byte)'Z') c = (byte)(c + ('a' - 'A'));
        return true;
    }

    /// <summary>
    /// ldterm_dosig. Unless NOFLSH (a break, c = NUL, flushes regardless): the read side is flushed
    /// below and here, the write side above (M_FLUSH(FLUSHW) up, its return swallowed), stopped
    /// output restarted. The signal goes up first when output was stopped, else after the flushes;
    /// then the character is echoed. Always false: the character is not input.
    /// </summary>
    private bool RaiseSignal(Signal signal, byte c, FlushFlags flush, IModuleContext context)
    {
        var priority = flush != FlushFlags.None; // M_PCSIG with a flush, M_SIG (DSUSP) without
        var sent = false;
        SendEcho(context); // what was echoed before the character stays ahead of the flush
        if ((!Has(LocalModes.NOFLSH) || c == 0) && flush != FlushFlags.None)
        {
            if (_outputStopped)
            {
                sent = true;
                context.PutUp(new SignalMessage(signal, priority));
            }
            if (flush.Reads())
            {
                DiscardLine();
                context.PutDown(new FlushMessage(flush));
                if (_inputStopped)
                {
                    _inputStopped = false;
                    context.PutDown(new FlowMessage(FlowKind.StartInput));
                }
            }
            if (flush.Writes())
            {
                _flushWait = true;
                context.PutUp(new FlushMessage(FlushFlags.FLUSHW));
                if (_outputStopped) RestartOutput(context);
            }
        }
        _quoted = false;
        if (!sent) context.PutUp(new SignalMessage(signal, priority));
        if (c != 0)
        {
            Echo(c);
            SendEcho(context, always: true);
        }
        return false;
    }

    /// <summary>
    /// ldterm_flush_output (DISCARD, IEXTEN): the first one flushes the output below, echoes itself
    /// and the line, and starts discarding output; the next one stops discarding.
    /// </summary>
    private void DiscardOutput(byte c, IModuleContext context)
    {
        if (_discarding)
        {
            _discarding = false;
            return;
        }
        SendEcho(context);
        context.PutDown(new FlushMessage(FlushFlags.FLUSHW));
        Echo(c);
        if (_line.Count != 0) Reprint();
        SendEcho(context, always: true);
        _discarding = true;
    }

    /// <summary>M_BREAK: ignored under IGNBRK; SIGINT and a flush under BRKINT; else it reads as a NUL (PARMRK: \377 \0 \0), sent straight up.</summary>
    private void Break(IModuleContext context)
    {
        if (Has(InputModes.IGNBRK)) return;
        if (Has(InputModes.BRKINT)) RaiseSignal(Signal.SIGINT, 0, FlushFlags.FLUSHRW, context);
        else if (Has(InputModes.PARMRK)) context.PutUp(new DataMessage(new byte[] { 0xff, 0, 0 }));
        else context.PutUp(new DataMessage(new byte[] { 0 }));
    }
}
