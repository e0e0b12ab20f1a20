namespace Ptm.Actors.TestKit.Soak.Oracle;

/// <summary>
/// The soak's model of ldterm (M1) for the input a soak types and the output it writes: given
/// the modes, what each write must produce. Typed input (manager -> subsidiary): the echo back
/// to the manager, the lines (ICANON) or bytes (non-canonical) the subsidiary reads, the
/// signals (ISIG) and whether pending input is flushed (unless NOFLSH). Output (subsidiary ->
/// manager): OPOST processing (ONLCR "\n" -> "\r\n", TAB3 spaces to the next multiple of 8).
/// ldterm keeps one output column for echo and output alike, so the model does too.
///
/// It covers what the workload types: printable ASCII, CR and NL, ERASE right after characters
/// of the same write, EOF after a non-empty line, INTR. Other control characters, IXON's
/// START/STOP, LNEXT and the like are never typed, so they are not modelled.
/// </summary>
internal sealed class TerminalDiscipline
{
    private readonly List<byte> _line = new();

    public Termios Modes { get; set; } = Termios.Default;

    /// <summary>t_col: the output column after everything sent towards the manager so far.</summary>
    public int Column { get; private set; }

    /// <summary>The canonical line assembled so far (not yet read).</summary>
    public IReadOnlyList<byte> PendingLine => _line;

    /// <summary>What one write of typed input makes.</summary>
    public sealed class InputEffect
    {
        /// <summary>Echo pieces in order; a signal's flush may discard every piece before it (Flushed is set then).</summary>
        public List<(byte[] Bytes, bool BeforeFlush)> Echo { get; } = new();

        /// <summary>Lines (canonical) or chunks (non-canonical) the subsidiary will read, in order; a signal's flush may discard those before it.</summary>
        public List<(byte[] Bytes, bool IsLine, bool BeforeFlush)> Reads { get; } = new();

        public List<Signal> Signals { get; } = new();

        /// <summary>An ISIG flush happened (not NOFLSH): what was pending before it, both ways, may be gone.</summary>
        public bool Flushed { get; set; }
    }

    /// <summary>Discards the assembled line (TCFLSH, TCSETSF, an ISIG flush).</summary>
    public void DiscardLine() => _line.Clear();

    public InputEffect Input(ReadOnlySpan<byte> typed)
    {
        var effect = new InputEffect();
        var echo = new List<byte>();
        var raw = new List<byte>();
        foreach (var original in typed)
        {
            var c = original;
            if (Has(LocalModes.ISIG) && c == Cc(ControlChar.VINTR))
            {
                FlushRaw(raw, effect);
                if (!Has(LocalModes.NOFLSH))
                {
                    // ldterm_dosig: echo so far goes ahead of the flush that may discard it, then the signal, then its echo.
                    if (echo.Count > 0) effect.Echo.Add((echo.ToArray(), true));
                    echo.Clear();
                    for (var i = 0; i < effect.Echo.Count; i++) effect.Echo[i] = (effect.Echo[i].Bytes, true);
                    for (var i = 0; i < effect.Reads.Count; i++) effect.Reads[i] = effect.Reads[i] with { BeforeFlush = true }; // sent up before the flush
                    _line.Clear();
                    effect.Flushed = true;
                }
                effect.Signals.Add(Signal.SIGINT);
                Echo(c, echo);
                continue;
            }
            if (c == '\r')
            {
                if (Has(InputModes.IGNCR)) continue;
                if (Has(InputModes.ICRNL)) c = (byte)'\n';
            }
            else if (c == '\n' && Has(InputModes.INLCR)) c = (byte)'\r';
            if (!Modes.IsCanonical)
            {
                raw.Add(c);
                Echo(c, echo);
                continue;
            }
            if (c == Cc(ControlChar.VERASE))
            {
                if (_line.Count == 0) continue;
                _line.RemoveAt(_line.Count - 1);
                if (Has(LocalModes.ECHO) && Has(LocalModes.ECHOE)) Post("\b \b"u8, echo);
                continue;
            }
            if (c == Cc(ControlChar.VEOF))
            {
                // EOF shows as ^D backed over (ECHOCTL); the line goes up without it.
                if (Has(LocalModes.ECHO) && Has(LocalModes.ECHOCTL) && Has(LocalModes.IEXTEN)) Post("^D\b\b"u8, echo);
                effect.Reads.Add((_line.ToArray(), true, false));
                _line.Clear();
                continue;
            }
            _line.Add(c);
            Echo(c, echo);
            if (c == '\n')
            {
                effect.Reads.Add((_line.ToArray(), true, false));
                _line.Clear();
            }
        }
        FlushRaw(raw, effect);
        if (echo.Count > 0) effect.Echo.Add((echo.ToArray(), false));
        return effect;
    }

    /// <summary>What the manager reads for bytes the subsidiary writes (OPOST; without it the bytes pass and the column stays, as in ldterm).</summary>
    public byte[] Output(ReadOnlySpan<byte> written)
    {
        if (!Has(OutputModes.OPOST)) return written.ToArray();
        var output = new List<byte>(written.Length + 8);
        Post(written, output);
        return output.ToArray();
    }

    private static void FlushRaw(List<byte> raw, InputEffect effect)
    {
        if (raw.Count == 0) return;
        effect.Reads.Add((raw.ToArray(), false, false));
        raw.Clear();
    }

    // ldterm's echo with the default ECHOCTL: control characters as ^X, NL as itself.
    private void Echo(byte c, List<byte> echo)
    {
        if (!Has(LocalModes.ECHO)) return;
        if (Has(LocalModes.ECHOCTL) && Has(LocalModes.IEXTEN) && (c <= 0x1f && c != '\t' && c != '\n' || c == 0x7f))
        {
            Post([(byte)'^', c == 0x7f ? (byte)'?' : (byte)(c + 'A' - 1)], echo);
            return;
        }
        Post([c], echo);
    }

    private void Post(ReadOnlySpan<byte> bytes, List<byte> output)
    {
        if (!Has(OutputModes.OPOST))
        {
            foreach (var c in bytes) output.Add(c);
            return;
        }
        foreach (var c in bytes)
        {
            switch (c)
            {
                case (byte)'\n':
                    if (Has(OutputModes.ONLCR)) { output.Add((byte)'\r'); Column = 0; }
                    output.Add(c);
                    break;
                case (byte)'\r':
                    output.Add(c);
                    Column = 0;
                    break;
                case (byte)'\t' when (Modes.Output & OutputModes.TABDLY) == OutputModes.TAB3:
                    do { output.Add((byte)' '); Column++; } while ((Column & 7) != 0);
                    break;
                case (byte)'\t':
                    output.Add(c);
                    Column = (Column | 7) + 1;
                    break;
                case (byte)'\b':
                    output.Add(c);
                    if (Column > 0) Column--;
                    break;
                default:
                    output.Add(c);
                    if (c >= 0x20 && c != 0x7f) Column++;
                    break;
            }
        }
    }

    private bool Has(LocalModes mode) => (Modes.Local & mode) != 0;
    private bool Has(InputModes mode) => (Modes.Input & mode) != 0;
    private bool Has(OutputModes mode) => (Modes.Output & mode) != 0;
    private byte Cc(ControlChar index) => Modes[index];
}
