using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>M1 ISIG and breaks: signals go up for the stream head to record (M4.5), with ldterm_dosig's flushes.</summary>
public class LdtermSignalTests
{
    [Fact]
    public void Intr_sends_sigint_up_as_a_priority_signal()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x03");
        Assert.Contains(new SignalMessage(Signal.SIGINT, Priority: true), ldterm.Up);
    }

    [Fact]
    public void Quit_sends_sigquit_and_susp_sends_sigtstp()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x1c\x1a");
        Assert.Equal(new[] { Signal.SIGQUIT, Signal.SIGTSTP }, ldterm.Up.OfType<SignalMessage>().Select(s => s.Signal));
    }

    [Fact]
    public void Intr_flushes_the_read_side_below_and_the_write_side_above_then_signals_and_echoes()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x03");
        Assert.Equal(new StreamMessage[] { new FlushMessage(FlushFlags.FLUSHW), new SignalMessage(Signal.SIGINT, true) }, ldterm.Up);
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHRW), ldterm.Down[0]);
        Assert.Equal("^C", ldterm.TakeDownText());
    }

    [Fact]
    public void Intr_discards_the_partial_line()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("rm -rf");
        ldterm.Type("\x03");
        ldterm.Type("ls\n");
        Assert.Equal(new[] { "ls\n" }, ldterm.UpData());
    }

    [Fact]
    public void Noflsh_keeps_the_line_and_sends_no_flush()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.NOFLSH));
        ldterm.Type("ab\x03" + "c\n");
        Assert.Equal(new[] { "abc\n" }, ldterm.UpData());
        Assert.DoesNotContain(ldterm.Up, m => m is FlushMessage);
        Assert.DoesNotContain(ldterm.Down, m => m is FlushMessage);
    }

    [Fact]
    public void The_turned_round_write_flush_of_a_signal_is_swallowed_once()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x03");
        ldterm.Clear();
        ldterm.FromAbove(new FlushMessage(FlushFlags.FLUSHW));
        Assert.Empty(ldterm.Down);
        ldterm.FromAbove(new FlushMessage(FlushFlags.FLUSHW));
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHW), Assert.Single(ldterm.Down));
    }

    [Fact]
    public void Without_isig_the_interrupt_character_is_data()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ISIG));
        ldterm.Type("\x03\n");
        Assert.DoesNotContain(ldterm.Up, m => m is SignalMessage);
        Assert.Equal(new[] { "\x03\n" }, ldterm.UpData());
    }

    [Fact]
    public void Dsusp_sends_an_ordinary_sigtstp_without_flushing()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("ab\x19");
        Assert.Equal(new SignalMessage(Signal.SIGTSTP, Priority: false), Assert.Single(ldterm.Up));
        Assert.DoesNotContain(ldterm.Down, m => m is FlushMessage);
    }

    [Fact]
    public void A_signal_while_output_is_stopped_goes_up_first_and_restarts_output()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x13");
        ldterm.Clear();
        ldterm.Type("\x03");
        Assert.Equal(new SignalMessage(Signal.SIGINT, true), ldterm.Up[0]);
        Assert.Contains(new FlowMessage(FlowKind.StartOutput), ldterm.Down);
    }

    [Fact]
    public void A_break_under_brkint_sends_sigint_and_flushes_even_with_noflsh()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.NOFLSH));
        ldterm.FromBelow(BreakMessage.Instance);
        Assert.Contains(new SignalMessage(Signal.SIGINT, true), ldterm.Up);
        Assert.Contains(new FlushMessage(FlushFlags.FLUSHRW), ldterm.Down);
        Assert.Empty(ldterm.Down.OfType<DataMessage>());
    }

    [Fact]
    public void A_break_without_brkint_reads_as_a_nul_byte()
    {
        var ldterm = new LdtermHarness(Input(InputModes.None, InputModes.BRKINT));
        ldterm.FromBelow(BreakMessage.Instance);
        Assert.Equal(new[] { "\0" }, ldterm.UpData());
    }

    [Fact]
    public void A_break_under_ignbrk_is_ignored()
    {
        var ldterm = new LdtermHarness(Input(InputModes.IGNBRK));
        ldterm.FromBelow(BreakMessage.Instance);
        Assert.Empty(ldterm.Up);
        Assert.Empty(ldterm.Down);
    }

    [Fact]
    public void A_signal_restarts_input_that_tcxonc_stopped()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCXONC, Int(2)));
        ldterm.Clear();
        ldterm.Type("\x03");
        Assert.Contains(new FlowMessage(FlowKind.StartInput), ldterm.Down);
    }

    [Fact]
    public void The_echo_of_a_signal_goes_down_even_when_the_module_below_is_full()
    {
        var ldterm = new LdtermHarness();
        ldterm.Context.CanPutDown = false;
        ldterm.Type("\x03");
        Assert.Equal("^C", ldterm.TakeDownText());
    }

    [Fact]
    public void The_switch_character_is_discarded_under_isig()
    {
        var ldterm = new LdtermHarness(t => t.With(ControlChar.VSWTCH, (byte)'z'));
        ldterm.Type("azb\n");
        Assert.Equal(new[] { "ab\n" }, ldterm.UpData());
        Assert.DoesNotContain(ldterm.Up, m => m is SignalMessage);
    }

    [Fact]
    public void A_break_under_parmrk_reads_as_ff_nul_nul()
    {
        var ldterm = new LdtermHarness(Input(InputModes.PARMRK, InputModes.BRKINT));
        ldterm.FromBelow(BreakMessage.Instance);
        Assert.Equal(new[] { "\xff\0\0" }, ldterm.UpData());
    }
}
