using System.Text;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>One step of a terminal operation, carried out on a session's control lane.</summary>
internal enum TerminalStep
{
    /// <summary>Write Bytes on the manager: typed input.</summary>
    Type,
    /// <summary>Write Bytes on the subsidiary: program output.</summary>
    Output,
    SetModes,
    GetModes,
    SetSize,
    GetSize,
    /// <summary>TCFLSH TCIFLUSH on the subsidiary.</summary>
    FlushInput,
    /// <summary>Discard windows on both streams of the epoch, around a flush (D4, D5, D6, M1, M3.3).</summary>
    OpenWindows,
    CloseWindows,
    /// <summary>Take the signals the subsidiary recorded even when none is owed: a stray one is a violation (M4.5).</summary>
    TakeSignals,
    /// <summary>Wait for everything owed (echo, lines, output), take the signals owed, then settle.</summary>
    AwaitQuiet,
}

internal sealed record TerminalAction(
    TerminalStep Step, byte[]? Bytes = null, Termios? Modes = null, TerminalChange Change = TerminalChange.Now,
    Side Side = Side.Subsidiary, WindowSize Size = default);

/// <summary>
/// Chooses a terminal session's next operation from its seeded generator and the modes in force
/// (the workload's own TerminalLedger): canonical lines typed on the manager (with ERASE, EOF, CR
/// or NL), a partial line, INTR, output written on the subsidiary (tabs, newlines), a resize from
/// either side read back from the other, mode changes (echo off, NOFLSH, raw with explicit
/// VMIN/VTIME, back to canonical) read back with tcgetattr, and input flushes (TCFLSH, TCSETSF). Each ends by
/// waiting for what it owes (AwaitQuiet). The text avoids what is not modelled (TerminalDiscipline):
/// backslash, and every control character but the ones named; and '^', so that the tail of an echo
/// a flush cut short never looks like the start of a ^X echo (TerminalLedger matches greedily).
/// </summary>
internal sealed class TerminalScript(Random random)
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-_=+*!?#@%&()[]{}<>/|'\"~`$";
    private const byte Erase = 0x7f, EndOfFile = 0x04, Interrupt = 0x03;

    private int _serial;

    public List<TerminalAction> Next(TerminalLedger model)
    {
        var modes = model.Modes;
        if (!modes.IsCanonical) return NextRaw(model);
        var roll = random.Next(100);
        if (roll < 8 && model.LineEmpty) return [Type(Text("P", 1, 20)), Quiet()];
        if (roll < 16 && (modes.Local & LocalModes.ISIG) != 0)
            return [Type([.. random.Next(2) == 0 ? [] : Text("I", 1, 12), Interrupt]), Quiet()];
        if (roll < 34) return [Output(ProgramOutput()), Quiet()];
        if (roll < 44) return Resize(model);
        if (roll < 54 && model.LineEmpty)
        {
            if (!modes.Equals(Termios.Default)) return SetModes(Termios.Default);
            return random.Next(3) switch
            {
                0 => SetModes(modes with { Local = modes.Local & ~LocalModes.ECHO }),
                1 => SetModes(modes with { Local = modes.Local | LocalModes.NOFLSH }), // INTR then keeps the line (M1)
                _ => SetModes(Raw(modes)),
            };
        }
        if (roll < 58) return Flushed(new TerminalAction(TerminalStep.FlushInput));
        if (roll < 61) return Flushed(new TerminalAction(TerminalStep.SetModes, Modes: modes, Change: TerminalChange.Flush));
        if (roll < 65) return [new(TerminalStep.GetModes), new(TerminalStep.GetSize, Side: Pick()), new(TerminalStep.TakeSignals), Quiet()];
        return [Type(Line()), Quiet()];
    }

    private List<TerminalAction> NextRaw(TerminalLedger model)
    {
        var roll = random.Next(100);
        if (roll < 45) return [Type(RawInput()), Quiet()];
        if (roll < 65) return [Output(ProgramOutput()), Quiet()];
        if (roll < 85) return SetModes(Termios.Default);
        if (roll < 95) return Resize(model);
        return [new(TerminalStep.GetModes), new(TerminalStep.TakeSignals), Quiet()];
    }

    // A complete line: ERASE right after a character of the same write, ended by CR (ICRNL), NL or EOF.
    private byte[] Line()
    {
        var line = new List<byte>(Text("L", 0, 40));
        for (var erases = random.Next(3); erases > 0; erases--)
            line.InsertRange(random.Next(1, line.Count + 1), [(byte)Alphabet[random.Next(Alphabet.Length)], Erase]);
        var end = random.Next(100);
        line.Add(end < 70 ? (byte)'\r' : end < 85 ? (byte)'\n' : EndOfFile);
        return [.. line];
    }

    private byte[] RawInput()
    {
        var bytes = new List<byte>(Text("R", 0, 30));
        for (var breaks = random.Next(3); breaks > 0; breaks--) bytes.Insert(random.Next(bytes.Count + 1), random.Next(2) == 0 ? (byte)'\r' : (byte)'\n');
        return [.. bytes];
    }

    // What a program prints: lines with tabs (TAB3) ended by NL (ONLCR).
    private byte[] ProgramOutput()
    {
        var output = new List<byte>();
        for (var lines = random.Next(1, 4); lines > 0; lines--)
        {
            var line = new List<byte>(Text("O", 0, 50));
            for (var tabs = random.Next(3); tabs > 0; tabs--) line.Insert(random.Next(line.Count + 1), (byte)'\t');
            output.AddRange(line);
            output.Add((byte)'\n');
        }
        return [.. output];
    }

    private List<TerminalAction> Resize(TerminalLedger model)
    {
        var side = Pick();
        var size = random.Next(4) == 0
            ? model.Size
            : new WindowSize((ushort)random.Next(1, 121), (ushort)random.Next(1, 251), (ushort)random.Next(0, 2000), (ushort)random.Next(0, 2000));
        var other = side == Side.Manager ? Side.Subsidiary : Side.Manager;
        return [new(TerminalStep.SetSize, Side: side, Size: size), new(TerminalStep.GetSize, Side: other), Quiet()];
    }

    private List<TerminalAction> SetModes(Termios modes)
    {
        var change = (TerminalChange)random.Next(3);
        if (change == TerminalChange.Flush) return Flushed(new TerminalAction(TerminalStep.SetModes, Modes: modes, Change: change), readBack: true);
        return [new(TerminalStep.SetModes, Modes: modes, Change: change), new(TerminalStep.GetModes), Quiet()];
    }

    /// <summary>
    /// A flush of input (TCFLSH, TCSETSF) turns round at the manager (D5, D6) and comes back up the
    /// subsidiary after the call returns. Output written after it travels the same queues behind
    /// the outbound flush, so once the manager has read that fence the flush has turned round
    /// ahead of any later input: only then do the windows close.
    /// </summary>
    private List<TerminalAction> Flushed(TerminalAction flush, bool readBack = false)
    {
        List<TerminalAction> actions = [new(TerminalStep.OpenWindows), flush];
        if (readBack) actions.Add(new(TerminalStep.GetModes));
        actions.Add(Output(Encoding.ASCII.GetBytes($"fence {++_serial}\n")));
        actions.Add(Quiet());
        actions.Add(new(TerminalStep.CloseWindows));
        return actions;
    }

    // Non-canonical with explicit VMIN and VTIME. They share VEOF's and VEOL's slots (illumos), so
    // canonical mode comes back from Termios.Default, not by setting ICANON again. VMIN is never 0
    // and VMIN > 1 only with an interbyte timer: a read never returns 0 (which L15 reserves for
    // the hang-up) and never waits for bytes nobody types.
    private Termios Raw(Termios modes)
    {
        var vtime = (byte)random.Next(0, 3);
        var vmin = vtime == 0 ? (byte)1 : (byte)random.Next(1, 5);
        return (modes with
        {
            Input = modes.Input & ~(InputModes.BRKINT | InputModes.INLCR | InputModes.IGNCR | InputModes.ICRNL | InputModes.IXON),
            Output = modes.Output & ~OutputModes.OPOST,
            Local = modes.Local & ~(LocalModes.ECHO | LocalModes.ICANON | LocalModes.ISIG | LocalModes.IEXTEN),
        }).With(ControlChar.VMIN, vmin).With(ControlChar.VTIME, vtime);
    }

    private byte[] Text(string tag, int min, int max)
    {
        var text = new StringBuilder($"{tag}{++_serial}:");
        for (var n = random.Next(min, max + 1); n > 0; n--) text.Append(Alphabet[random.Next(Alphabet.Length)]);
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private Side Pick() => random.Next(2) == 0 ? Side.Manager : Side.Subsidiary;

    private static TerminalAction Type(byte[] bytes) => new(TerminalStep.Type, bytes);
    private static TerminalAction Output(byte[] bytes) => new(TerminalStep.Output, bytes);
    private static TerminalAction Quiet() => new(TerminalStep.AwaitQuiet);
}
