using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;
using LdtermModule = Ptm.Actors.Modules.Ldterm;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>M1 canonical input: line assembly and the editing characters, with the default modes of M4.3.</summary>
public class LdtermCanonicalTests
{
    [Fact]
    public void A_partial_line_stays_in_ldterm()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("hello");
        Assert.Empty(ldterm.UpData());
    }

    [Fact]
    public void A_completed_line_goes_up_as_one_message_with_its_newline()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("hel");
        ldterm.Type("lo\n");
        Assert.Equal(new[] { "hello\n" }, ldterm.UpData());
    }

    [Fact]
    public void Each_line_of_one_input_message_goes_up_as_its_own_message()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("one\ntwo\nthr");
        Assert.Equal(new[] { "one\n", "two\n" }, ldterm.UpData());
    }

    [Fact]
    public void A_carriage_return_ends_the_line_as_a_newline_under_icrnl()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("ls\r");
        Assert.Equal(new[] { "ls\n" }, ldterm.UpData());
    }

    [Fact]
    public void Eol_ends_the_line_and_stays_in_it()
    {
        var ldterm = new LdtermHarness(t => t.With(ControlChar.VEOL, (byte)';'));
        ldterm.Type("a;b");
        Assert.Equal(new[] { "a;" }, ldterm.UpData());
    }

    [Fact]
    public void Eol2_ends_the_line_too()
    {
        var ldterm = new LdtermHarness(t => t.With(ControlChar.VEOL2, (byte)'!'));
        ldterm.Type("go!");
        Assert.Equal(new[] { "go!" }, ldterm.UpData());
    }

    [Fact]
    public void A_nul_byte_is_data_although_disabled_eol_characters_are_zero()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a\0b\n");
        Assert.Equal(new[] { "a\0b\n" }, ldterm.UpData());
    }

    [Fact]
    public void Eof_at_line_start_sends_a_zero_length_message_the_zero_byte_read()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x04");
        var message = Assert.IsType<DataMessage>(Assert.Single(ldterm.Up));
        Assert.True(message.IsZeroLength);
    }

    [Fact]
    public void Eof_mid_line_sends_the_line_without_the_eof_character()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc\x04");
        Assert.Equal(new[] { "abc" }, ldterm.UpData());
    }

    [Fact]
    public void Erase_removes_the_last_character()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abx\x7f" + "c\n");
        Assert.Equal(new[] { "abc\n" }, ldterm.UpData());
    }

    [Fact]
    public void Backspace_is_ordinary_data_because_the_illumos_erase_is_del()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("ab\b\n");
        Assert.Equal(new[] { "ab\b\n" }, ldterm.UpData());
    }

    [Fact]
    public void Erase_on_an_empty_line_does_nothing()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x7f\x7f" + "a\n");
        Assert.Equal(new[] { "a\n" }, ldterm.UpData());
        Assert.Equal("a\r\n", ldterm.TakeDownText());
    }

    [Fact]
    public void Erase_removes_a_whole_utf8_character()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a\xc3\xa9\x7f\n");
        Assert.Equal(new[] { "a\n" }, ldterm.UpData());
    }

    [Fact]
    public void Kill_discards_the_whole_line()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("wrong\x15right\n");
        Assert.Equal(new[] { "right\n" }, ldterm.UpData());
    }

    [Fact]
    public void Word_erase_removes_the_last_word_and_the_blanks_after_it()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("echo hello  \x17world\n");
        Assert.Equal(new[] { "echo world\n" }, ldterm.UpData());
    }

    [Fact]
    public void Word_erase_needs_iexten()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.IEXTEN));
        ldterm.Type("ab\x17\n");
        Assert.Equal(new[] { "ab\x17\n" }, ldterm.UpData());
    }

    [Fact]
    public void Literal_next_makes_the_erase_character_data()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a\x16\x7f\n");
        Assert.Equal(new[] { "a\x7f\n" }, ldterm.UpData());
    }

    [Fact]
    public void Literal_next_makes_a_newline_data_that_does_not_end_the_line()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a\x16\nb\n");
        Assert.Equal(new[] { "a\nb\n" }, ldterm.UpData());
    }

    [Fact]
    public void A_backslash_before_eof_makes_the_eof_character_data()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a\\\x04\n");
        Assert.Equal(new[] { "a\x04\n" }, ldterm.UpData());
    }

    [Fact]
    public void A_backslash_before_kill_makes_the_kill_character_data()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a\\\x15\n");
        Assert.Equal(new[] { "a\x15\n" }, ldterm.UpData());
    }

    [Fact]
    public void A_backslash_does_not_quote_across_the_end_of_a_line()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a\\\n\x7f" + "b\n");
        Assert.Equal(new[] { "a\\\n", "b\n" }, ldterm.UpData());
    }

    [Fact]
    public void A_full_line_refuses_more_bytes_and_rings_the_bell_under_imaxbel()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type(new string('x', LdtermModule.MaxLine));
        ldterm.TakeDownText();
        ldterm.Type("y\n");
        Assert.Equal("\a\a", ldterm.TakeDownText());
        ldterm.Type("\x7f\n");
        Assert.Equal(new[] { new string('x', LdtermModule.MaxLine - 1) + "\n" }, ldterm.UpData());
    }

    [Fact]
    public void A_full_line_is_thrown_away_without_imaxbel()
    {
        var ldterm = new LdtermHarness(Input(InputModes.None, InputModes.IMAXBEL));
        ldterm.Type(new string('x', LdtermModule.MaxLine) + "y\n");
        Assert.Equal(new[] { "y\n" }, ldterm.UpData());
    }

    [Fact]
    public void The_longest_line_is_2046_bytes()
    {
        Assert.Equal(2046, LdtermModule.MaxLine);
    }

    [Fact]
    public void The_second_erase_character_erases_too()
    {
        var ldterm = new LdtermHarness(t => t.With((ControlChar)17, (byte)'#'));
        ldterm.Type("ab#c\n");
        Assert.Equal(new[] { "ac\n" }, ldterm.UpData());
    }
}
