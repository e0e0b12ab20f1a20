using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

// Output processing (ldterm_output_msg) of what the subsidiary writes and of echo, with the
// output column kept for tabs and ONOCR. Under OPOST: OLCUC, ONLCR ("\n" -> "\r\n", so the
// manager reads "\r\n"), OCRNL (which then skips ONLCR), ONOCR (a CR in column 0 is dropped, the
// one ONLCR adds too), ONLRET, TAB3 (tabs become spaces to the next multiple of 8).
internal sealed partial class Ldterm
{
    /// <summary>t_col: the terminal's column as output processing has moved it.</summary>
    private int _column;

    /// <summary>Bytes still to come of the UTF-8 character being written: it takes its column when complete.</summary>
    private int _utf8Left;

    /// <summary>
    /// Write-side M_DATA (ldtermwmsg). Dropped while DISCARD is in force; echo since the last output
    /// can no longer be rubbed out cleanly. A zero-length write is dropped under OPOST unless the
    /// stream is in XPG4 mode (PTSSTTY), where it passes as the end of file it stands for.
    /// </summary>
    private void Output(DataMessage data, IModuleContext context)
    {
        if (_discarding && Has(LocalModes.IEXTEN)) return;
        _echoedCount = 0;
        if (!Has(OutputModes.OPOST) || (data.IsZeroLength && _isPtsTty))
        {
            context.PutDown(data);
            return;
        }
        var output = new List<byte>(data.Bytes.Length + data.Bytes.Length / 8 + 1);
        foreach (var c in data.Bytes.Span) Post(c, output);
        if (output.Count > 0) context.PutDown(new DataMessage(output.ToArray()));
    }

    /// <summary>One byte through output processing (OPOST is on).</summary>
    private void Post(byte c, List<byte> output)
    {
        if (c >= 0x80)
        {
            PostMultibyte(c, output);
            return;
        }
        _utf8Left = 0;
        if (c is >= (byte)'a' and <= (byte)'z' && Has(OutputModes.OLCUC)) c = (byte)(c - ('a' - 'A'));
        switch (c)
        {
            case (byte)'\r' when Has(OutputModes.OCRNL):
                Newline((byte)'\n', output);
                break;
            case (byte)'\n':
                if (Has(OutputModes.ONLCR)) CarriageReturn(output);
                Newline(c, output);
                break;
            case (byte)'\r':
                CarriageReturn(output);
                break;
            case (byte)'\t':
                Tab(output);
                break;
            case (byte)'\b':
                if (_column > 0) _column--;
                output.Add(c);
                break;
            default:
                if (!IsControl(c)) _column++;
                output.Add(c);
                break;
        }
    }

    /// <summary>ONLRET: a newline also returns the carriage.</summary>
    private void Newline(byte c, List<byte> output)
    {
        if (Has(OutputModes.ONLRET)) _column = 0;
        output.Add(c);
    }

    private void CarriageReturn(List<byte> output)
    {
        if (_column == 0 && Has(OutputModes.ONOCR)) return;
        _column = 0;
        output.Add((byte)'\r');
    }

    /// <summary>TAB3 (XTABS) expands to spaces up to the next multiple of 8; otherwise the tab goes out and the column jumps there.</summary>
    private void Tab(List<byte> output)
    {
        if ((_modes.Output & OutputModes.TABDLY) == OutputModes.TAB3)
        {
            do
            {
                output.Add((byte)' ');
                _column++;
            }
            while ((_column & 7) != 0);
            return;
        }
        _column = (_column | 7) + 1;
        output.Add((byte)'\t');
    }

    /// <summary>A byte of a UTF-8 character (ldterm's mode at open): passed as is; the character takes one column once complete.</summary>
    private void PostMultibyte(byte c, List<byte> output)
    {
        output.Add(c);
        if (_utf8Left > 0 && c <= 0xbf)
        {
            if (--_utf8Left == 0) _column++;
            return;
        }
        _utf8Left = c switch
        {
            >= 0xc2 and <= 0xdf => 1,
            >= 0xe0 and <= 0xef => 2,
            >= 0xf0 and <= 0xf4 => 3,
            _ => 0,
        };
        if (_utf8Left == 0) _column++;
    }
}
