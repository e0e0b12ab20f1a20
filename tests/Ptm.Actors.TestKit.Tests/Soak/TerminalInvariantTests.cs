using System.Text;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// The checker's terminal oracle (TerminalLedger, TerminalDiscipline) on fabricated traces: what
/// ldterm must make of typed input and output passes, legitimate discards (an ISIG flush, TCFLSH
/// and TCSETSF windows) pass, and planted bugs - a wrong echo, a lost, duplicated or merged line,
/// a missing or stray signal, a wrong window size or mode - are violations.
/// </summary>
public class TerminalInvariantTests
{
    private const long S = 1;
    private const int E = 1;

    [Fact]
    public void A_typed_line_echoes_with_CR_NL_and_reads_as_one_line_with_ICRNL() =>
        Check.Clean(Run(Terminal().Type("abc\r").ReadManager("abc\r\n").ReadSubsidiary("abc\n").Settle()));

    [Fact]
    public void An_echo_without_the_CR_of_ONLCR_is_terminal_mismatch() =>
        Check.Only(Run(Terminal().Type("abc\r").ReadManager("abc\n").ReadSubsidiary("abc\n").Settle()), ViolationKind.TerminalMismatch);

    [Fact]
    public void A_line_the_subsidiary_never_reads_is_data_loss_at_the_settle() =>
        Check.Only(Run(Terminal().Type("abc\r").ReadManager("abc\r\n").Settle()), ViolationKind.DataLoss);

    [Fact]
    public void An_echo_the_manager_never_reads_is_data_loss_at_the_settle() =>
        Check.Only(Run(Terminal().Type("abc\r").ReadSubsidiary("abc\n").Settle()), ViolationKind.DataLoss);

    [Fact]
    public void A_line_skipped_for_a_later_one_is_data_loss() =>
        Check.Only(Run(Terminal().Type("one\r").Type("two\r").ReadManager("one\r\ntwo\r\n").ReadSubsidiary("two\n").Settle()), ViolationKind.DataLoss);

    [Fact]
    public void A_line_read_twice_is_data_duplicated() =>
        Check.Only(Run(Terminal().Type("one\r").ReadManager("one\r\n").ReadSubsidiary("one\n").ReadSubsidiary("one\n").Settle()), ViolationKind.DataDuplicated);

    [Fact]
    public void Two_lines_in_one_canonical_read_are_terminal_mismatch() =>
        Check.Only(Run(Terminal().Type("one\rtwo\r").ReadManager("one\r\ntwo\r\n").ReadSubsidiary("one\ntwo\n").Settle()), ViolationKind.TerminalMismatch);

    [Fact]
    public void Erase_backs_over_the_character_and_end_of_file_sends_the_line_without_a_newline() =>
        Check.Clean(Run(Terminal().Type("abx\x7f" + "c\x04").ReadManager("abx\b \bc^D\b\b").ReadSubsidiary("abc").Settle()));

    [Fact]
    public void Output_gets_ONLCR_and_TAB3_from_the_column_echo_left() =>
        Check.Clean(Run(Terminal().Type("ab").ReadManager("ab").Output("c\td\n").ReadManager("c     d\r\n").Settle()));

    [Fact]
    public void Output_read_unprocessed_is_terminal_mismatch() =>
        Check.Only(Run(Terminal().Output("c\td\n").ReadManager("c\td\n").Settle()), ViolationKind.TerminalMismatch);

    [Fact]
    public void Interrupt_flushes_the_partial_line_echoes_caret_C_and_owes_SIGINT() =>
        Check.Clean(Run(Terminal().Type("abc").ReadManager("abc").Type("\x03").ReadManager("^C").Signals(Signal.SIGINT).Settle()
            .Type("x\r").ReadManager("x\r\n").ReadSubsidiary("x\n").Settle()));

    [Fact]
    public void The_interrupts_flush_may_discard_the_echo_before_it() =>
        Check.Clean(Run(Terminal().Type("abc\x03").ReadManager("a").ReadManager("^C").Signals(Signal.SIGINT).Settle()));

    [Fact]
    public void A_partial_line_surviving_an_interrupt_is_terminal_mismatch() =>
        Check.Only(Run(Terminal().Type("abc").ReadManager("abc").Type("\x03").ReadManager("^C").Signals(Signal.SIGINT).Settle()
            .Type("x\r").ReadManager("x\r\n").ReadSubsidiary("abcx\n").Settle()), ViolationKind.TerminalMismatch);

    [Fact]
    public void An_interrupt_without_its_SIGINT_is_signal_wrong() =>
        Check.Only(Run(Terminal().Type("\x03").ReadManager("^C").Signals().Settle()), ViolationKind.SignalWrong);

    [Fact]
    public void Under_NOFLSH_the_interrupt_keeps_the_partial_line_and_its_echo()
    {
        var noflush = Termios.Default with { Local = Termios.Default.Local | LocalModes.NOFLSH };
        Check.Clean(Run(Terminal().Modes(noflush).Type("ab\x03").ReadManager("ab^C").Signals(Signal.SIGINT).Type("c\r").ReadManager("c\r\n").ReadSubsidiary("abc\n").Settle()));
        Check.Only(Run(Terminal().Modes(noflush).Type("ab\x03").ReadManager("^C").Signals(Signal.SIGINT).Settle()), ViolationKind.TerminalMismatch);
    }

    [Fact]
    public void A_resize_owes_one_SIGWINCH_and_reads_back_from_the_other_side() =>
        Check.Clean(Run(Terminal().Resize(Side.Manager, 24, 80).ReadSize(Side.Subsidiary, 24, 80).Signals(Signal.SIGWINCH)
            .Resize(Side.Subsidiary, 24, 80).ReadSize(Side.Manager, 24, 80).Signals().Settle()));

    [Fact]
    public void A_resize_without_its_SIGWINCH_is_signal_wrong() =>
        Check.Only(Run(Terminal().Resize(Side.Subsidiary, 30, 100).Settle()), ViolationKind.SignalWrong);

    [Fact]
    public void A_SIGWINCH_for_an_unchanged_size_is_signal_wrong() =>
        Check.Only(Run(Terminal().Resize(Side.Subsidiary, 0, 0).Signals(Signal.SIGWINCH).Settle()), ViolationKind.SignalWrong);

    [Fact]
    public void A_window_size_read_back_wrong_is_terminal_mismatch() =>
        Check.Only(Run(Terminal().Resize(Side.Subsidiary, 30, 100).Signals(Signal.SIGWINCH).ReadSize(Side.Manager, 100, 30).Settle()), ViolationKind.TerminalMismatch);

    [Fact]
    public void Modes_read_back_other_than_set_are_terminal_mismatch()
    {
        var echoOff = Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ECHO };
        Check.Clean(Run(Terminal().Modes(echoOff).ReadModes(echoOff).Type("abc\r").ReadSubsidiary("abc\n").Settle()));
        Check.Only(Run(Terminal().Modes(echoOff).ReadModes(Termios.Default).Settle()), ViolationKind.TerminalMismatch);
    }

    [Fact]
    public void Echo_while_echo_is_off_is_terminal_mismatch()
    {
        var echoOff = Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ECHO };
        Check.Only(Run(Terminal().Modes(echoOff).Type("abc\r").ReadManager("abc\r\n").ReadSubsidiary("abc\n").Settle()), ViolationKind.TerminalMismatch);
    }

    [Fact]
    public void Raw_input_passes_unchanged_in_any_chunks_without_echo()
    {
        var raw = (Termios.Default with
        {
            Input = Termios.Default.Input & ~InputModes.ICRNL,
            Output = Termios.Default.Output & ~OutputModes.OPOST,
            Local = Termios.Default.Local & ~(LocalModes.ICANON | LocalModes.ECHO | LocalModes.ISIG | LocalModes.IEXTEN),
        }).With(ControlChar.VMIN, 1).With(ControlChar.VTIME, 0);
        Check.Clean(Run(Terminal().Modes(raw).Type("ab\rc\n").ReadSubsidiary("ab").ReadSubsidiary("\rc\n").Output("x\n").ReadManager("x\n").Settle()));
        Check.Only(Run(Terminal().Modes(raw).Type("ab\r").ReadSubsidiary("ab\n").Settle()), ViolationKind.TerminalMismatch);
    }

    [Fact]
    public void A_flush_window_lets_the_partial_line_go_or_stay()
    {
        Check.Clean(Run(Terminal().Type("xyz").ReadManager("xyz").FlushWindow().Type("abc\r").ReadManager("abc\r\n").ReadSubsidiary("abc\n").Settle()));
        Check.Clean(Run(Terminal().Type("xyz").ReadManager("xyz").FlushWindow().Type("abc\r").ReadManager("abc\r\n").ReadSubsidiary("xyzabc\n").Settle()));
        Check.Only(Run(Terminal().Type("xyz").ReadManager("xyz").Type("abc\r").ReadManager("abc\r\n").ReadSubsidiary("abc\n").Settle()), ViolationKind.TerminalMismatch);
    }

    [Fact]
    public void Input_read_raw_after_the_subsidiarys_last_close_began_is_no_violation() =>
        Check.Clean(Run(Terminal().Type("ab\x7f" + "c\r").ReadManager("ab\b \bc\r\n")
            .Add(new SubsidiaryClosing(S, E, SideEnd.Close)).ReadSubsidiary("ab\x7f" + "c\r")));

    [Fact]
    public void Input_read_raw_while_the_subsidiary_is_open_is_terminal_mismatch() =>
        Check.Only(Run(Terminal().Type("ab\x7f" + "c\r").ReadManager("ab\b \bc\r\n").ReadSubsidiary("ab\x7f" + "c\r").Settle()), ViolationKind.TerminalMismatch);

    [Fact]
    public void After_a_failed_write_the_epoch_is_no_longer_judged() =>
        Check.Clean(Run(Terminal().Type("abc\r").Add(new TerminalWriteFailed(S, E, Direction.ManagerToSubsidiary)).ReadManager("zz").Settle()));

    [Fact]
    public void Terminal_bytes_never_reach_the_byte_exact_ledger() =>
        Check.Clean(Run(Terminal().Type("abc\r").ReadManager("abc\r\n").ReadSubsidiary("abc\n").Settle()
            .Add(new SubsidiaryClosing(S, E, SideEnd.Close)).Add(new SubsidiaryClosed(S, E)).Add(new EofSeen(S, Side.Manager, E))));

    [Fact]
    public void Terminal_events_for_an_epoch_without_modules_are_harness_errors() =>
        Check.Only(Run(new TraceBuilder().Session(S).Open(S, E).Add(new TerminalSettled(S, E))), ViolationKind.HarnessError);

    private static TraceBuilder Terminal() => new TraceBuilder().Session(S).Open(S, E).Add(new ModulesPushed(S, E));

    private static ViolationLog Run(TraceBuilder trace) => Check.Run(trace, finish: false);
}

/// <summary>Terminal events for TraceBuilder, in session 1 epoch 1.</summary>
internal static class TerminalTrace
{
    public static TraceBuilder Type(this TraceBuilder trace, string text) => trace.Add(new TerminalWritten(1, 1, Direction.ManagerToSubsidiary, Encoding.ASCII.GetBytes(text)));
    public static TraceBuilder Output(this TraceBuilder trace, string text) => trace.Add(new TerminalWritten(1, 1, Direction.SubsidiaryToManager, Encoding.ASCII.GetBytes(text)));
    public static TraceBuilder ReadManager(this TraceBuilder trace, string text) => trace.Add(new Received(TraceBuilder.S2M(1, 1), Encoding.ASCII.GetBytes(text)));
    public static TraceBuilder ReadSubsidiary(this TraceBuilder trace, string text) => trace.Add(new Received(TraceBuilder.M2S(1, 1), Encoding.ASCII.GetBytes(text)));
    public static TraceBuilder Signals(this TraceBuilder trace, params Signal[] signals) => trace.Add(new SignalsTaken(1, 1, signals));
    public static TraceBuilder Settle(this TraceBuilder trace) => trace.Add(new TerminalSettled(1, 1));
    public static TraceBuilder Modes(this TraceBuilder trace, Termios modes) => trace.Add(new TerminalModesSet(1, 1, modes));
    public static TraceBuilder ReadModes(this TraceBuilder trace, Termios modes) => trace.Add(new TerminalModesRead(1, 1, modes));
    public static TraceBuilder Resize(this TraceBuilder trace, Side side, ushort rows, ushort columns) => trace.Add(new WindowSizeSet(1, 1, side, new WindowSize(rows, columns)));
    public static TraceBuilder ReadSize(this TraceBuilder trace, Side side, ushort rows, ushort columns) => trace.Add(new WindowSizeRead(1, 1, side, new WindowSize(rows, columns)));

    /// <summary>A flush of input (TCFLSH, TCSETSF) inside discard windows on both streams.</summary>
    public static TraceBuilder FlushWindow(this TraceBuilder trace) => trace
        .Add(new DiscardWindowOpened(TraceBuilder.M2S(1, 1), DiscardReason.Flush)).Add(new DiscardWindowOpened(TraceBuilder.S2M(1, 1), DiscardReason.Flush))
        .Add(new DiscardWindowClosed(TraceBuilder.M2S(1, 1), DiscardReason.Flush)).Add(new DiscardWindowClosed(TraceBuilder.S2M(1, 1), DiscardReason.Flush));
}
