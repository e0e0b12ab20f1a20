using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>M1 echo, sent down towards the manager; the bytes are Linux n_tty's for the default modes (M4.7).</summary>
public class LdtermEchoTests
{
    [Fact]
    public void Typed_text_is_echoed_down_as_one_message()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc");
        var echo = Assert.IsType<DataMessage>(Assert.Single(ldterm.Down));
        Assert.Equal("abc", Text(echo));
    }

    [Fact]
    public void A_newline_echoes_as_carriage_return_newline_under_onlcr()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("hi\n");
        Assert.Equal("hi\r\n", ldterm.TakeDownText());
    }

    [Fact]
    public void A_carriage_return_mapped_by_icrnl_echoes_as_carriage_return_newline()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("hi\r");
        Assert.Equal("hi\r\n", ldterm.TakeDownText());
    }

    [Fact]
    public void Nothing_is_echoed_without_echo()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHO));
        ldterm.Type("secret\n");
        Assert.Empty(ldterm.Down);
    }

    [Fact]
    public void Echonl_echoes_the_newline_alone_without_echo()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.ECHONL, LocalModes.ECHO));
        ldterm.Type("secret\n");
        Assert.Equal("\r\n", ldterm.TakeDownText());
    }

    [Fact]
    public void Echoctl_shows_a_control_character_with_a_caret()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a\x01");
        Assert.Equal("a^A", ldterm.TakeDownText());
    }

    [Fact]
    public void Echoctl_shows_del_as_caret_question_mark()
    {
        var ldterm = new LdtermHarness(t => t.With(ControlChar.VERASE, 0x08));
        ldterm.Type("\x7f");
        Assert.Equal("^?", ldterm.TakeDownText());
    }

    [Fact]
    public void Without_echoctl_a_control_character_is_not_echoed()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHOCTL));
        ldterm.Type("a\x01" + "b");
        Assert.Equal("ab", ldterm.TakeDownText());
    }

    [Fact]
    public void Echoe_rubs_out_an_erased_character_with_backspace_space_backspace()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("ab\x7f");
        Assert.Equal("ab\b \b", ldterm.TakeDownText());
    }

    [Fact]
    public void Echoe_rubs_out_both_columns_of_a_control_character_shown_with_a_caret()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a\x01\x7f");
        Assert.Equal("a^A\b \b\b \b", ldterm.TakeDownText());
    }

    [Fact]
    public void Without_echoe_erase_echoes_the_erase_character()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHOE));
        ldterm.Type("ab\x7f");
        Assert.Equal("ab^?", ldterm.TakeDownText());
    }

    [Fact]
    public void Erasing_a_tab_backs_over_the_columns_it_took()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("ab\t\x7f");
        Assert.Equal("ab      \b\b\b\b\b\b", ldterm.TakeDownText());
    }

    [Fact]
    public void Word_erase_rubs_out_each_character_of_the_word()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("a bc\x17");
        Assert.Equal("a bc\b \b\b \b", ldterm.TakeDownText());
    }

    [Fact]
    public void Echoke_rubs_out_the_whole_line_on_kill()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc\x15");
        Assert.Equal("abc\b \b\b \b\b \b", ldterm.TakeDownText());
    }

    [Fact]
    public void Without_echoke_kill_echoes_the_kill_character_and_a_newline_under_echok()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHOKE));
        ldterm.Type("abc\x15");
        Assert.Equal("abc^U\r\n", ldterm.TakeDownText());
    }

    [Fact]
    public void Without_echoke_and_echok_kill_echoes_only_the_kill_character()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHOKE | LocalModes.ECHOK));
        ldterm.Type("abc\x15");
        Assert.Equal("abc^U", ldterm.TakeDownText());
    }

    [Fact]
    public void Reprint_echoes_caret_r_a_newline_and_the_line()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc\x12");
        Assert.Equal("abc^R\r\nabc", ldterm.TakeDownText());
    }

    [Fact]
    public void Erase_after_output_reprints_the_line_instead_of_rubbing_out()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc");
        ldterm.Write("!");
        ldterm.Clear();
        ldterm.Type("\x7f");
        Assert.Equal("^R\r\nab", ldterm.TakeDownText());
    }

    [Fact]
    public void Eof_echoes_as_caret_d_and_backs_over_it()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("ab\x04");
        Assert.Equal("ab^D\b\b", ldterm.TakeDownText());
    }

    [Fact]
    public void Literal_next_echoes_a_caret_and_backs_over_it()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x16\x03");
        Assert.Equal("^\b^C", ldterm.TakeDownText());
    }

    [Fact]
    public void Echoprt_prints_erased_characters_between_backslash_and_slash()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.ECHOPRT, LocalModes.ECHOE));
        ldterm.Type("abc\x7f\x7f" + "d");
        Assert.Equal("abc\\cb/d", ldterm.TakeDownText());
    }

    [Fact]
    public void Echo_is_dropped_when_the_module_below_is_full()
    {
        var ldterm = new LdtermHarness();
        ldterm.Context.CanPutDown = false;
        ldterm.Type("abc\n");
        Assert.Empty(ldterm.Down);
        Assert.Equal(new[] { "abc\n" }, ldterm.UpData());
    }
}
