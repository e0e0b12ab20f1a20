using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

// Echo (ldterm_echo, ldterm_rubout, ldterm_tabcols): built up while an input message is handled,
// through output processing, and sent down - towards the manager - as one message at the end.
// The bytes match Linux n_tty for the default modes (M4.7): "^C", "^?", "\b \b", "\b \b\b \b"
// for a control character shown as ^X, "\r\n" for a newline under ONLCR.
internal sealed partial class Ldterm
{
    private readonly List<byte> _echo = new();

    /// <summary>t_rocount: bytes of the line echoed since the last output; an erase with none reprints instead.</summary>
    private int _echoedCount;

    /// <summary>t_rocol: the output column where the first of those bytes was echoed.</summary>
    private int _echoColumn;

    /// <summary>TS_ERASE: inside an ECHOPRT "\...": the next stored byte closes it with "/".</summary>
    private bool _printingErase;

    /// <summary>
    /// Sends what was echoed down. Like ldtermrmsg it is dropped when ptem's queue is full; a
    /// signal's or DISCARD's echo goes regardless, as ldterm_dosig sends it.
    /// </summary>
    private void SendEcho(IModuleContext context, bool always = false)
    {
        if (_echo.Count == 0) return;
        if (always || context.CanPutDown) context.PutDown(new DataMessage(_echo.ToArray()));
        _echo.Clear();
    }

    /// <summary>Echoes one input byte under ECHO; ECHOCTL (IEXTEN) shows control characters as ^X and DEL as ^?. Returns the bytes shown.</summary>
    private int Echo(byte c)
    {
        if (!Has(LocalModes.ECHO)) return 0;
        if (Has(LocalModes.ECHOCTL) && Has(LocalModes.IEXTEN))
        {
            if (c <= 0x1f && c != '\t' && c != '\n')
            {
                OutChar((byte)'^');
                OutChar((byte)(c + (Has(OutputModes.OLCUC) ? 'a' : 'A') - 1));
                return 2;
            }
            if (c == 0x7f)
            {
                OutChar((byte)'^');
                OutChar((byte)'?');
                return 2;
            }
            OutChar(c);
            return 1;
        }
        // Without ECHOCTL only what a terminal shows sensibly is echoed: printables and a few controls.
        if ((c > 0x1f && c != 0x7f) || c is (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\b' or 0x07 || c == Cc(ControlChar.VKILL))
        {
            OutChar(c);
            return 1;
        }
        return 0;
    }

    /// <summary>ldterm_outchar: one echo byte, through output processing under OPOST.</summary>
    private void OutChar(byte c)
    {
        if (Has(OutputModes.OPOST)) Post(c, _echo);
        else _echo.Add(c);
    }

    private void OutString(string text)
    {
        foreach (var c in text) OutChar((byte)c);
    }

    /// <summary>
    /// Rubs out one erased character (ldterm_rubout) under ECHO: ECHOE backs over it ("\b \b",
    /// twice for a control character shown as ^X, a tab by the columns it took), reprinting the
    /// line when output came in between; ECHOPRT (IEXTEN) prints it between \ and /; otherwise the
    /// erase character is echoed. False when the line was reprinted instead.
    /// </summary>
    private bool Rubout(byte c)
    {
        if (!Has(LocalModes.ECHO)) return false;
        if (Has(LocalModes.ECHOE))
        {
            if (_echoedCount == 0)
            {
                Reprint();
                return false;
            }
            if (c == '\t')
            {
                if (_echoedCount < _line.Count)
                {
                    // Some of the line was echoed before output that came since: the tab's width is unknown.
                    Reprint();
                    return false;
                }
                for (var columns = TabColumns(); columns > 0; columns--) OutChar((byte)'\b');
            }
            else if (IsControl(c))
            {
                if (Has(LocalModes.ECHOCTL) && Has(LocalModes.IEXTEN)) OutString("\b \b\b \b");
            }
            else
            {
                OutString("\b \b");
            }
        }
        else if (Has(LocalModes.ECHOPRT) && Has(LocalModes.IEXTEN))
        {
            if (!_printingErase)
            {
                OutChar((byte)'\\');
                _printingErase = true;
            }
            Echo(c);
        }
        else
        {
            Echo(Cc(ControlChar.VERASE));
        }
        return true;
    }

    /// <summary>ASCII control characters and DEL (typetab's non-ORDINARY classes); bytes of UTF-8 characters count as printing.</summary>
    private static bool IsControl(byte c) => c < 0x20 || c == 0x7f;

    /// <summary>
    /// ldterm_tabcols: how many columns the erased tab took - the column after it (now) less the
    /// column the line reaches without it, counted from where its echo began; at most 8.
    /// </summary>
    private int TabColumns()
    {
        var column = _echoColumn;
        var shownAsCaret = Has(LocalModes.ECHOCTL) && Has(LocalModes.IEXTEN);
        foreach (var c in _line)
        {
            if (shownAsCaret && ((c <= 0x1f && c != '\t' && c != '\n') || c == 0x7f))
            {
                column += 2;
                continue;
            }
            switch (c)
            {
                case (byte)'\b': if (column > 0) column--; break;
                case (byte)'\n': if (Has(OutputModes.ONLRET)) column = 0; break;
                case (byte)'\t': column = (column | 7) + 1; break;
                case (byte)'\r': column = 0; break;
                default:
                    if (!IsControl(c) && c is not (>= 0x80 and <= 0xbf)) column++; // a UTF-8 character counts once
                    break;
            }
        }
        return Math.Min(_column - column, 8);
    }
}
