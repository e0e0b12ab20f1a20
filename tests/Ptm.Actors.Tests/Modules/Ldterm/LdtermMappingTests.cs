using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>M1 input mapping, output processing and IXON flow control.</summary>
public class LdtermMappingTests
{
    [Fact]
    public void Igncr_drops_carriage_returns()
    {
        var ldterm = new LdtermHarness(Input(InputModes.IGNCR));
        ldterm.Type("a\rb\n");
        Assert.Equal(new[] { "ab\n" }, ldterm.UpData());
    }

    [Fact]
    public void Without_icrnl_a_carriage_return_is_data_echoed_as_caret_m()
    {
        var ldterm = new LdtermHarness(Input(InputModes.None, InputModes.ICRNL));
        ldterm.Type("a\r");
        Assert.Empty(ldterm.UpData());
        Assert.Equal("a^M", ldterm.TakeDownText());
    }

    [Fact]
    public void Inlcr_turns_a_newline_into_a_carriage_return()
    {
        var ldterm = new LdtermHarness(Input(InputModes.INLCR, InputModes.ICRNL));
        ldterm.Type("a\n");
        ldterm.Type("\x04");
        Assert.Equal(new[] { "a\r" }, ldterm.UpData());
    }

    [Fact]
    public void Istrip_clears_the_eighth_bit()
    {
        var ldterm = new LdtermHarness(Input(InputModes.ISTRIP));
        ldterm.Type("\xc1\n");
        Assert.Equal(new[] { "A\n" }, ldterm.UpData());
    }

    [Fact]
    public void Iuclc_lowers_upper_case_input()
    {
        var ldterm = new LdtermHarness(Input(InputModes.IUCLC));
        ldterm.Type("LS\n");
        Assert.Equal(new[] { "ls\n" }, ldterm.UpData());
    }

    [Fact]
    public void Onlcr_turns_written_newlines_into_carriage_return_newline()
    {
        var ldterm = new LdtermHarness();
        ldterm.Write("a\nb\n");
        Assert.Equal("a\r\nb\r\n", ldterm.TakeDownText());
    }

    [Fact]
    public void Without_opost_output_passes_unchanged()
    {
        var ldterm = new LdtermHarness(Output(OutputModes.None, OutputModes.OPOST));
        ldterm.Write("a\n\tb");
        Assert.Equal("a\n\tb", ldterm.TakeDownText());
    }

    [Fact]
    public void Ocrnl_turns_a_carriage_return_into_a_bare_newline()
    {
        var ldterm = new LdtermHarness(Output(OutputModes.OCRNL));
        ldterm.Write("a\r");
        Assert.Equal("a\n", ldterm.TakeDownText());
    }

    [Fact]
    public void Onocr_drops_a_carriage_return_in_column_zero()
    {
        var ldterm = new LdtermHarness(Output(OutputModes.ONOCR, OutputModes.ONLCR));
        ldterm.Write("\rab\r\r");
        Assert.Equal("ab\r", ldterm.TakeDownText());
    }

    [Fact]
    public void Onlret_makes_a_newline_return_the_carriage_for_tab_expansion()
    {
        var ldterm = new LdtermHarness(Output(OutputModes.ONLRET, OutputModes.ONLCR));
        ldterm.Write("abc\n\t|");
        Assert.Equal("abc\n        |", ldterm.TakeDownText());
    }

    [Fact]
    public void Tab3_expands_tabs_to_the_next_multiple_of_eight()
    {
        var ldterm = new LdtermHarness();
        ldterm.Write("ab\tc\t|");
        Assert.Equal("ab      c       |", ldterm.TakeDownText());
    }

    [Fact]
    public void The_column_continues_across_writes_and_echo()
    {
        var ldterm = new LdtermHarness();
        ldterm.Write("abc");
        ldterm.Type("d");
        ldterm.Write("\t|");
        Assert.Equal("abcd    |", ldterm.TakeDownText());
    }

    [Fact]
    public void Without_tab3_a_tab_is_written_as_is()
    {
        var ldterm = new LdtermHarness(t => t with { Output = t.Output & ~OutputModes.TABDLY });
        ldterm.Write("a\tb");
        Assert.Equal("a\tb", ldterm.TakeDownText());
    }

    [Fact]
    public void Olcuc_raises_lower_case_output()
    {
        var ldterm = new LdtermHarness(Output(OutputModes.OLCUC));
        ldterm.Write("hi");
        Assert.Equal("HI", ldterm.TakeDownText());
    }

    [Fact]
    public void A_zero_length_write_is_dropped_under_opost()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromAbove(DataMessage.Empty);
        Assert.Empty(ldterm.Down);
    }

    [Fact]
    public void Stop_sends_m_stop_down_and_start_sends_m_start_and_neither_is_input()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a\x13" + "b\x11" + "c\n");
        Assert.Equal(new[] { new FlowMessage(FlowKind.StopOutput), new FlowMessage(FlowKind.StartOutput) }, ldterm.Down.OfType<FlowMessage>());
        Assert.Equal(new[] { "abc\n" }, ldterm.UpData());
    }

    [Fact]
    public void A_second_stop_while_stopped_sends_nothing()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x13\x13");
        Assert.Single(ldterm.Down.OfType<FlowMessage>());
    }

    [Fact]
    public void Without_ixany_another_character_does_not_restart_output()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x13" + "x");
        Assert.Equal(new[] { new FlowMessage(FlowKind.StopOutput) }, ldterm.Down.OfType<FlowMessage>());
    }

    [Fact]
    public void Ixany_restarts_output_on_any_character_which_stays_input()
    {
        var ldterm = new LdtermHarness(Input(InputModes.IXANY));
        ldterm.Type("\x13" + "x\n");
        Assert.Equal(new[] { new FlowMessage(FlowKind.StopOutput), new FlowMessage(FlowKind.StartOutput) }, ldterm.Down.OfType<FlowMessage>());
        Assert.Equal(new[] { "x\n" }, ldterm.UpData());
    }

    [Fact]
    public void Without_ixon_stop_and_start_are_data()
    {
        var ldterm = new LdtermHarness(Input(InputModes.None, InputModes.IXON));
        ldterm.Type("\x13\x11\n");
        Assert.Empty(ldterm.Down.OfType<FlowMessage>());
        Assert.Equal(new[] { "\x13\x11\n" }, ldterm.UpData());
    }

    [Fact]
    public void Discard_drops_output_until_it_is_typed_again()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x0f");
        Assert.Contains(new FlushMessage(FlushFlags.FLUSHW), ldterm.Down);
        Assert.Equal("^O", ldterm.TakeDownText());
        ldterm.Write("lost");
        Assert.Empty(ldterm.Down);
        ldterm.Type("\x0f");
        ldterm.Write("kept");
        Assert.Equal("kept", ldterm.TakeDownText());
    }

    [Fact]
    public void A_zero_length_write_passes_in_xpg4_mode()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.PTSSTTY));
        ldterm.Clear();
        ldterm.FromAbove(DataMessage.Empty);
        Assert.Equal(DataMessage.Empty, Assert.Single(ldterm.Down));
    }

    [Fact]
    public void A_utf8_character_takes_one_column_for_tab_expansion()
    {
        var ldterm = new LdtermHarness();
        ldterm.Write("\xe2\x82\xac\t|");
        Assert.Equal("\xe2\x82\xac       |", ldterm.TakeDownText());
    }

    [Fact]
    public void Onocr_also_drops_the_carriage_return_onlcr_adds_in_column_zero()
    {
        var ldterm = new LdtermHarness(Output(OutputModes.ONOCR));
        ldterm.Write("\na\n");
        Assert.Equal("\na\r\n", ldterm.TakeDownText());
    }

    [Fact]
    public void Ixany_with_a_nul_byte_restarts_output_too()
    {
        var ldterm = new LdtermHarness(Input(InputModes.IXANY));
        ldterm.Type("\x13\0");
        Assert.Equal(new FlowMessage(FlowKind.StartOutput), ldterm.Down.OfType<FlowMessage>().Last());
    }
}
