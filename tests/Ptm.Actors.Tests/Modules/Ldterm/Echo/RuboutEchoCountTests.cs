using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm.Echo;

/// <summary>
/// ldterm_rubout and t_rocount (M1, M4.7): what an erase echoes, and how many bytes of the line it
/// leaves counted as echoed - which a later KILL under ECHOKE shows by rubbing the line out
/// (all of it echoed since the last output) or echoing ^U and a newline (not all of it).
/// </summary>
public class RuboutEchoCountTests
{
    private const string Erase = "\x7f";
    private const string Kill = "\x15";

    /// <summary>Types <paramref name="before"/>, writes output (t_rocount back to 0), types <paramref name="after"/>; the echo so far is cleared.</summary>
    private static LdtermHarness OutputBetween(string before, string after)
    {
        var ldterm = new LdtermHarness();
        ldterm.Type(before);
        ldterm.Write("!");
        ldterm.Type(after);
        ldterm.Clear();
        return ldterm;
    }

    /// <summary>Types <paramref name="input"/> and returns its echo, cleared for the next step.</summary>
    private static string EchoOf(LdtermHarness ldterm, string input)
    {
        ldterm.Type(input);
        var echo = ldterm.TakeDownText();
        ldterm.Clear();
        return echo;
    }

    [Fact]
    public void Erase_then_kill_rubs_out_what_is_left_of_the_line()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc" + Erase + Kill);
        Assert.Equal("abc\b \b\b \b\b \b", ldterm.TakeDownText());
    }

    [Fact]
    public void An_erase_that_reprinted_the_line_leaves_it_all_echoed_so_kill_rubs_it_out()
    {
        var ldterm = OutputBetween("abc", "");
        Assert.Equal("^R\r\nab", EchoOf(ldterm, Erase));
        Assert.Equal("\b \b\b \b", EchoOf(ldterm, Kill));
    }

    [Fact]
    public void An_erase_without_echo_uncounts_nothing_so_kill_with_echo_back_on_echoes_the_kill_character()
    {
        // ldterm_rubout returns before t_rocount-- without ECHO: the count stays above the line,
        // and the kill cannot back over characters that were never shown.
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHO));
        ldterm.Type("ab" + Erase);
        ldterm.Set(Local(LocalModes.ECHO));
        ldterm.Type(Kill);
        Assert.Equal("^U\r\n", ldterm.TakeDownText());
    }

    [Fact]
    public void Erasing_a_tab_when_output_came_after_the_start_of_the_line_reprints_it()
    {
        // t_rocount < t_msglen: the tab's width is unknown, so the line is reprinted and all of it counts as echoed.
        var ldterm = OutputBetween("ab", "\t");
        Assert.Equal("^R\r\nab", EchoOf(ldterm, Erase));
        Assert.Equal("\b \b\b \b", EchoOf(ldterm, Kill));
    }

    [Fact]
    public void Erasing_a_tab_with_one_byte_of_the_line_before_the_output_backs_over_it_without_a_reprint()
    {
        // t_rocount (the tab) equals t_msglen (the "a" left): ldterm.c's test is strictly less, so it backs over.
        var ldterm = OutputBetween("a", "\t");
        Assert.Matches("^\b+$", EchoOf(ldterm, Erase));
    }

    [Fact]
    public void Without_echoctl_erasing_a_control_character_echoes_nothing()
    {
        // It was never shown, so there is nothing on the screen to rub out.
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHOCTL));
        ldterm.Type("a\x01" + Erase);
        Assert.Equal("a", ldterm.TakeDownText());
    }

    [Fact]
    public void Erasing_a_space_backs_over_one_column()
    {
        // A space is ORDINARY in typetab, not a control character shown as two columns.
        var ldterm = new LdtermHarness();
        ldterm.Type("a " + Erase);
        Assert.Equal("a \b \b", ldterm.TakeDownText());
    }
}
