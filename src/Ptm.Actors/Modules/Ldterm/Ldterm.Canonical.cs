using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

// Canonical input (ldterm_docanon): line assembly and the editing characters.
internal sealed partial class Ldterm
{
    /// <summary>TS_SLNCH: assembly saw LNEXT, so the next byte is plain data.</summary>
    private bool _literalNext;

    /// <summary>TS_QUOT: the last byte was a backslash (IEXTEN), so ERASE, KILL or EOF next is taken as data in its place.</summary>
    private bool _quoted;

    private void Canonical(byte c, IModuleContext context)
    {
        if (!_literalNext && !Edit(c, context)) return;
        if (_line.Count >= MaxLine)
        {
            // The line is full. IMAXBEL rings the bell (echo or not) and refuses the byte, even a
            // newline; without it the line is thrown away and the byte starts a new one.
            if (Has(InputModes.IMAXBEL))
            {
                OutChar(0x07);
                return;
            }
            DiscardLine();
            _literalNext = false;
        }
        _line.Add(c);
        if (!_literalNext && (c == '\n' || (c != Termios.Disabled && (c == Cc(ControlChar.VEOL) || c == Cc(ControlChar.VEOL2)))))
        {
            SendLine(context);
        }
        else
        {
            if (_echoedCount++ == 0) _echoColumn = _column;
            _literalNext = false;
            _quoted = c == '\\' && Has(LocalModes.IEXTEN);
        }
        if (_printingErase)
        {
            _printingErase = false;
            if (Has(LocalModes.ECHO)) OutChar((byte)'/');
        }
        if (Has(LocalModes.ECHO)) Echo(c);
        else if (c == '\n' && Has(LocalModes.ECHONL)) OutChar(c);
    }

    /// <summary>The editing characters and EOF; true when <paramref name="c"/> is then to be stored as data.</summary>
    private bool Edit(byte c, IModuleContext context)
    {
        if (c == Termios.Disabled)
        {
            _quoted = false;
            return true;
        }
        var extended = Has(LocalModes.IEXTEN);
        if (extended && c == Cc(ControlChar.VLNEXT))
        {
            if (Has(LocalModes.ECHO)) OutString("^\b");
            _literalNext = true;
            return false;
        }
        if (c == Cc(ControlChar.VERASE) || c == _modes.ControlChars[VErase2])
        {
            EraseCharacter(); // quoted: the backslash goes and the erase character takes its place
            return _quoted;
        }
        if (extended && c == Cc(ControlChar.VWERASE))
        {
            EraseWord();
            return false;
        }
        if (c == Cc(ControlChar.VKILL))
        {
            if (_quoted)
            {
                EraseCharacter();
                return true;
            }
            KillLine();
            return false;
        }
        if (extended && c == Cc(ControlChar.VREPRINT))
        {
            Reprint();
            return false;
        }
        if (_quoted)
        {
            _quoted = false;
            if (c == Cc(ControlChar.VEOF)) EraseCharacter();
            return true;
        }
        if (c == Cc(ControlChar.VEOF))
        {
            // EOF is echoed only as ^D and backed over; the line goes up without it, and at line
            // start that is a zero-length message: the 0-byte read.
            if (Has(LocalModes.ECHOCTL) && extended && Has(LocalModes.ECHO))
            {
                for (var echoed = Echo(c); echoed > 0; echoed--) OutChar((byte)'\b');
            }
            SendLine(context);
            return false;
        }
        return true;
    }

    /// <summary>ldterm_msg_upstream: the line (or the raw bytes) goes up as one message.</summary>
    private void SendLine(IModuleContext context)
    {
        context.PutUp(_line.Count == 0 ? DataMessage.Empty : new DataMessage(_line.ToArray()));
        _line.Clear();
        _echoedCount = 0;
    }

    /// <summary>ERASE: the last character goes, a whole UTF-8 sequence at once (ldterm_erase, ldterm_csi_erase).</summary>
    private void EraseCharacter()
    {
        if (_line.Count == 0) return;
        var start = LastCharacterStart();
        var length = _line.Count - start;
        var last = _line[^1];
        _line.RemoveRange(start, length);
        if (Rubout(length == 1 ? last : (byte)' ')) _echoedCount = Math.Max(0, _echoedCount - length);
    }

    /// <summary>
    /// Where the last character of the line begins: a UTF-8 lead byte before up to three continuation
    /// bytes, else the last byte. Lead bytes are 0xc2 to 0xf4, those illumos' u8_number_of_bytes gives
    /// a length over 1; ldterm's memwidth makes 0xc0, 0xc1 and 0xf5 to 0xff one-byte characters.
    /// </summary>
    private int LastCharacterStart()
    {
        var end = _line.Count - 1;
        var i = end;
        while (i > 0 && end - i < 3 && _line[i] is >= 0x80 and <= 0xbf) i--;
        return i < end && _line[i] is >= 0xc2 and <= 0xf4 ? i : end;
    }

    /// <summary>WERASE: trailing blanks, then the word before them (space and tab separate words, as ldterm_werase).</summary>
    private void EraseWord()
    {
        while (_line.Count > 0 && _line[^1] is (byte)' ' or (byte)'\t') EraseCharacter();
        while (_line.Count > 0 && _line[^1] is not ((byte)' ' or (byte)'\t')) EraseCharacter();
    }

    /// <summary>
    /// KILL (ldterm_kill): with ECHOKE (IEXTEN), and the whole line echoed since the last output,
    /// each character is rubbed out; otherwise the kill character is echoed, then a newline if ECHOK.
    /// </summary>
    private void KillLine()
    {
        if (Has(LocalModes.ECHOKE) && Has(LocalModes.IEXTEN) && _line.Count == _echoedCount)
        {
            while (_line.Count > 0) EraseCharacter();
        }
        else
        {
            Echo(Cc(ControlChar.VKILL));
            if (Has(LocalModes.ECHOK)) Echo((byte)'\n');
            _line.Clear();
            _echoedCount = 0;
        }
        _quoted = false;
        _printingErase = false;
        _literalNext = false;
    }

    /// <summary>REPRINT (ldterm_reprint): the reprint character, a newline, then the line echoed again.</summary>
    private void Reprint()
    {
        if (Cc(ControlChar.VREPRINT) != Termios.Disabled) Echo(Cc(ControlChar.VREPRINT));
        OutChar((byte)'\n');
        foreach (var c in _line) Echo(c);
        _printingErase = false;
        _echoedCount = _line.Count;
        _echoColumn = 0;
    }
}
