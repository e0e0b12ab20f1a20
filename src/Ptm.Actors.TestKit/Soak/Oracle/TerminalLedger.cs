using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.TestKit.Soak.Oracle;

/// <summary>
/// What the checker knows about one terminal epoch (ptem and ldterm pushed, M1, M3): the bytes
/// the manager must read (echo and processed output, in order), the lines or raw chunks the
/// subsidiary must read, the signals its stream head must record (M4.5), the window size and
/// modes a read must return. TerminalDiscipline says what each write makes; this ledger
/// compares arrivals with it.
///
/// Discards are accounted in the checker's flush style: what a flush may discard (an ISIG flush
/// unless NOFLSH, TCSETSF, TCFLSH, D4, D5, D6) is marked discardable when the flush starts and may
/// then arrive or not; a line still being assembled may or may not survive a flush window, so
/// the next line may arrive with or without it. Everything else owed must arrive, once, in
/// order, by the workload's next settle (TerminalSettled); what arrives must be exactly what
/// is owed next: a read on the subsidiary returns exactly one line in canonical mode.
/// </summary>
internal sealed class TerminalLedger
{
    private const int RememberedSkips = 8;

    private sealed class Owed(byte[] bytes, bool discardable, bool isLine = false, byte[]? optionalPrefix = null)
    {
        public byte[] Bytes { get; } = bytes;
        public bool IsLine { get; } = isLine;
        public byte[]? OptionalPrefix { get; } = optionalPrefix;
        public int Consumed { get; set; }
        public bool Discardable { get; set; } = discardable;
    }

    private readonly TerminalDiscipline _discipline = new();
    private readonly List<Owed> _toManager = new();
    private readonly List<Owed> _toSubsidiary = new();
    private readonly List<Signal> _signalsOwed = new();
    private readonly List<byte[]> _skippedLines = new();
    private readonly bool[] _desynchronised = new bool[2];
    private int _signalsSeen;
    private byte[]? _lastLine;
    private byte[]? _maybePrefix;
    private WindowSize _size;
    private bool _subsidiaryClosing;

    public TerminalLedger(long session, int epoch)
    {
        Session = session;
        Epoch = epoch;
    }

    public long Session { get; }
    public int Epoch { get; }

    /// <summary>A write failed: what it caused is unknown, so this epoch is no longer judged.</summary>
    public bool Uncertain { get; private set; }

    public Termios Modes => _discipline.Modes;

    /// <summary>The window size last set (all zeros at the push, M3.1).</summary>
    public WindowSize Size => _size;

    /// <summary>No line is being assembled (a mode change then cannot meet one).</summary>
    public bool LineEmpty => _discipline.PendingLine.Count == 0 && _maybePrefix is null;

    /// <summary>Pieces of bytes or lines owed and not yet read that no discard excuses.</summary>
    public int OwedReads
    {
        get
        {
            var owing = 0;
            foreach (var owed in _toManager) if (!owed.Discardable) owing++;
            foreach (var owed in _toSubsidiary) if (!owed.Discardable) owing++;
            return owing;
        }
    }

    /// <summary>Signals owed to the subsidiary and not yet taken.</summary>
    public int OwedSignals => _signalsOwed.Count - _signalsSeen;

    /// <summary>Applies one terminal event of this epoch (the checker's and the workload's copies alike).</summary>
    public void Observe(TerminalEvent e, bool managerClosing, ViolationLog violations)
    {
        switch (e)
        {
            case TerminalWritten written: OnWritten(written.Direction, written.Bytes.Span); break;
            case TerminalWriteFailed: OnWriteFailed(); break;
            case TerminalModesSet set: OnModesSet(set.Modes); break;
            case TerminalModesRead read: OnModesRead(read.Modes, violations); break;
            case WindowSizeSet size: OnWindowSizeSet(size.Size); break;
            case WindowSizeRead size: OnWindowSizeRead(size.Side, size.Size, violations); break;
            case SignalsTaken taken: OnSignalsTaken(taken.Signals, managerClosing, violations); break;
            case TerminalSettled: Settle(violations); break;
            default:
                violations.Record(ViolationKind.HarnessError, Session, $"unknown terminal event {e.GetType().Name}");
                break;
        }
    }

    public void OnWritten(Direction direction, ReadOnlySpan<byte> bytes)
    {
        if (direction == Direction.SubsidiaryToManager)
        {
            Owe(_toManager, new Owed(_discipline.Output(bytes), false));
            return;
        }
        var effect = _discipline.Input(bytes);
        if (effect.Flushed)
        {
            // ISIG without NOFLSH: ldterm flushes both ways (M1); whatever was pending may be gone.
            MarkDiscardable();
            _maybePrefix = null;
        }
        foreach (var (echo, beforeFlush) in effect.Echo) Owe(_toManager, new Owed(echo, beforeFlush));
        foreach (var (read, isLine, beforeFlush) in effect.Reads)
        {
            if (isLine)
            {
                Owe(_toSubsidiary, new Owed(read, beforeFlush, isLine: true, _maybePrefix));
                _maybePrefix = null;
            }
            else Owe(_toSubsidiary, new Owed(read, beforeFlush));
        }
        _signalsOwed.AddRange(effect.Signals);
    }

    /// <summary>A flush may discard what is pending (TCFLSH, TCSETSF): pending bytes both ways, and the line being assembled.</summary>
    public void OnFlushWindowOpened()
    {
        MarkDiscardable();
        if (_discipline.PendingLine.Count == 0) return;
        _maybePrefix = [.. _maybePrefix ?? [], .. _discipline.PendingLine];
        _discipline.DiscardLine();
    }

    public void OnWriteFailed() => Uncertain = true;

    /// <summary>
    /// The subsidiary's last close has begun. It pops ldterm first (M4.2), and typed input still
    /// below it (queued for ptem, in illumos in ptm's write queue) then reaches the stream head
    /// unprocessed: a read still blocked on the closing descriptor may return it raw.
    /// </summary>
    public void OnSubsidiaryClosing() => _subsidiaryClosing = true;

    public void OnModesSet(Termios modes) => _discipline.Modes = modes;

    public void OnModesRead(Termios modes, ViolationLog violations)
    {
        if (!Uncertain && !modes.Equals(_discipline.Modes))
            violations.Record(ViolationKind.TerminalMismatch, Session, $"{Name}: tcgetattr returned {Show(modes)}, but the modes last set are {Show(_discipline.Modes)} (M3.3)");
    }

    public void OnWindowSizeSet(WindowSize size)
    {
        // M3.5, M3.8: a change sends SIGWINCH up the subsidiary (PD10: no OQ-11 slip).
        if (size != _size) _signalsOwed.Add(Signal.SIGWINCH);
        _size = size;
    }

    public void OnWindowSizeRead(Side side, WindowSize size, ViolationLog violations)
    {
        if (!Uncertain && size != _size)
            violations.Record(ViolationKind.TerminalMismatch, Session, $"{Name}: TIOCGWINSZ on the {side.ToString().ToLowerInvariant()} returned {size}, but the size last set is {_size} (M3.5, M3.8)");
    }

    /// <summary>The signals taken must continue the owed ones in order; SIGHUP is the hang-up's (L15) once the manager closes.</summary>
    public void OnSignalsTaken(IReadOnlyList<Signal> signals, bool managerClosing, ViolationLog violations)
    {
        foreach (var signal in signals)
        {
            if (signal == Signal.SIGHUP && managerClosing) continue;
            if (_signalsSeen < _signalsOwed.Count && _signalsOwed[_signalsSeen] == signal)
            {
                _signalsSeen++;
                continue;
            }
            if (Uncertain) continue;
            var owed = _signalsSeen < _signalsOwed.Count ? $"{_signalsOwed[_signalsSeen]} was owed next" : "none was owed";
            violations.Record(ViolationKind.SignalWrong, Session, $"{Name}: the subsidiary recorded {signal}, but {owed} (M1 ISIG, M3.5 SIGWINCH, M4.5)");
        }
    }

    /// <summary>The workload has waited for what it owes: what is still missing and not discardable is lost.</summary>
    public void Settle(ViolationLog violations)
    {
        if (!Uncertain)
        {
            if (!_desynchronised[(int)Direction.SubsidiaryToManager])
                foreach (var owed in _toManager)
                    if (!owed.Discardable)
                        violations.Record(ViolationKind.DataLoss, Session, $"{Name}: the manager never read {TerminalText.Show(owed.Bytes.AsSpan(owed.Consumed))} (echo or output owed by ldterm, M1)");
            if (!_desynchronised[(int)Direction.ManagerToSubsidiary])
                foreach (var owed in _toSubsidiary)
                    if (!owed.Discardable)
                        violations.Record(ViolationKind.DataLoss, Session, $"{Name}: the subsidiary never read {(owed.IsLine ? "the line " : "")}{TerminalText.Show(owed.Bytes.AsSpan(owed.Consumed))} (M1)");
            for (var i = _signalsSeen; i < _signalsOwed.Count; i++)
                violations.Record(ViolationKind.SignalWrong, Session, $"{Name}: {_signalsOwed[i]} was owed to the subsidiary but never recorded (M1 ISIG, M3.5, M4.5)");
        }
        _toManager.Clear();
        _toSubsidiary.Clear();
        _signalsOwed.Clear();
        _signalsSeen = 0;
        _desynchronised[0] = _desynchronised[1] = false;
    }

    public void OnReceived(Direction direction, ReadOnlySpan<byte> bytes, ViolationLog violations)
    {
        if (Uncertain || _desynchronised[(int)direction] || bytes.Length == 0) return;
        if (direction == Direction.SubsidiaryToManager) ReceiveBytes(_toManager, direction, bytes, violations);
        else if (_toSubsidiary.Count > 0 && !_toSubsidiary[0].IsLine) ReceiveBytes(_toSubsidiary, direction, bytes, violations);
        else ReceiveLine(bytes, violations);
    }

    private string Name => $"session {Session} terminal epoch {Epoch}";

    private void MarkDiscardable()
    {
        foreach (var owed in _toManager) owed.Discardable = true;
        foreach (var owed in _toSubsidiary) owed.Discardable = true;
    }

    private static void Owe(List<Owed> list, Owed owed)
    {
        if (owed.Bytes.Length > 0 || owed.IsLine) list.Add(owed);
    }

    // A byte stream (the manager's, or non-canonical input): each byte must be the next owed one;
    // a discardable piece may end early (flushed), the next piece then continues.
    private void ReceiveBytes(List<Owed> owedList, Direction direction, ReadOnlySpan<byte> bytes, ViolationLog violations)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            while (true)
            {
                if (owedList.Count == 0 || owedList[0].IsLine)
                {
                    Mismatch(direction, $"{TerminalText.Show(bytes[i..])} arrived but nothing owed explains it", violations);
                    return;
                }
                var head = owedList[0];
                if (head.Bytes[head.Consumed] == bytes[i])
                {
                    if (++head.Consumed == head.Bytes.Length) owedList.RemoveAt(0);
                    break;
                }
                if (head.Discardable)
                {
                    owedList.RemoveAt(0);
                    continue;
                }
                Mismatch(direction, $"{TerminalText.Show(bytes[i..])} arrived where {TerminalText.Show(head.Bytes.AsSpan(head.Consumed))} was owed", violations);
                return;
            }
        }
    }

    // Canonical input: one read is one whole line (the stream head reads one message, ldterm sends one line a message).
    private void ReceiveLine(ReadOnlySpan<byte> bytes, ViolationLog violations)
    {
        for (var j = 0; j < _toSubsidiary.Count && _toSubsidiary[j].IsLine; j++)
        {
            if (!LineMatches(_toSubsidiary[j], bytes)) continue;
            for (var k = 0; k < j; k++)
            {
                if (_toSubsidiary[k].Discardable) continue;
                violations.Record(ViolationKind.DataLoss, Session, $"{Name}: the line {TerminalText.Show(_toSubsidiary[k].Bytes)} was skipped: the subsidiary read {TerminalText.Show(bytes)} typed after it (M1)");
                if (_skippedLines.Count == RememberedSkips) _skippedLines.RemoveAt(0);
                _skippedLines.Add(_toSubsidiary[k].Bytes);
            }
            _toSubsidiary.RemoveRange(0, j + 1);
            _lastLine = bytes.ToArray();
            return;
        }
        if (_lastLine is not null && bytes.SequenceEqual(_lastLine))
            violations.Record(ViolationKind.DataDuplicated, Session, $"{Name}: the subsidiary read the line {TerminalText.Show(bytes)} a second time");
        else if (WasSkipped(bytes))
            violations.Record(ViolationKind.DataReordered, Session, $"{Name}: the subsidiary read the line {TerminalText.Show(bytes)} after lines typed later");
        else if (!_subsidiaryClosing) // after it, ldterm may be gone: input read raw no longer says what ldterm did
        {
            var owed = _toSubsidiary.Count > 0 ? $"the line {TerminalText.Show(_toSubsidiary[0].Bytes)} was owed" : "no line was owed";
            violations.Record(ViolationKind.TerminalMismatch, Session, $"{Name}: a subsidiary read returned {TerminalText.Show(bytes)}, but {owed} (M1: one line a read, ICRNL)");
        }
        _desynchronised[(int)Direction.ManagerToSubsidiary] = true;
    }

    private bool WasSkipped(ReadOnlySpan<byte> bytes)
    {
        foreach (var line in _skippedLines) if (bytes.SequenceEqual(line)) return true;
        return false;
    }

    private static bool LineMatches(Owed owed, ReadOnlySpan<byte> bytes) =>
        bytes.SequenceEqual(owed.Bytes) ||
        owed.OptionalPrefix is { } prefix && bytes.Length == prefix.Length + owed.Bytes.Length &&
        bytes[..prefix.Length].SequenceEqual(prefix) && bytes[prefix.Length..].SequenceEqual(owed.Bytes);

    private void Mismatch(Direction direction, string what, ViolationLog violations)
    {
        var where = direction == Direction.SubsidiaryToManager ? "the manager read" : "the subsidiary read";
        violations.Record(ViolationKind.TerminalMismatch, Session, $"{Name}: {where}: {what} (M1 echo, ONLCR, TAB3)");
        _desynchronised[(int)direction] = true;
    }

    private static string Show(Termios modes) =>
        $"iflag {(uint)modes.Input:x} oflag {(uint)modes.Output:x} cflag {(uint)modes.Control:x} lflag {(uint)modes.Local:x} cc {Convert.ToHexString(modes.ControlChars.AsSpan())}";
}
