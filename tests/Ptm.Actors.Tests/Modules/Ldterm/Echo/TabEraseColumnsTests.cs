using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm.Echo;

/// <summary>
/// ldterm_tabcols (M1, M4.7): erasing a tab backs over the columns it took, found by replaying the
/// line from where its echo began. Each test puts one kind of byte before the tab; the default
/// TAB3 expands the tab to spaces, so the echo shows the columns it took.
/// </summary>
public class TabEraseColumnsTests
{
    /// <summary>
    /// Types <paramref name="before"/>, a tab and an erase: the echo is <paramref name="shown"/>, the tab
    /// as <paramref name="columns"/> spaces, and as many backspaces.
    /// </summary>
    private static void ErasedTabTook(LdtermHarness ldterm, string before, string shown, int columns)
    {
        ldterm.Type(before + "\t\x7f");
        Assert.Equal(shown + new string(' ', columns) + new string('\b', columns), ldterm.TakeDownText());
    }

    [Fact]
    public void A_backspace_shown_as_caret_h_counts_two_columns()
    {
        var ldterm = new LdtermHarness();
        ErasedTabTook(ldterm, "a\b", "a^H", 5);
    }

    [Fact]
    public void The_control_character_0x1f_shown_as_caret_underscore_counts_two_columns()
    {
        var ldterm = new LdtermHarness();
        ErasedTabTook(ldterm, "\x1f", "^_", 6);
    }

    [Fact]
    public void Without_echoctl_an_unechoed_control_character_counts_no_column()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHOCTL));
        ErasedTabTook(ldterm, "a\x01", "a", 7);
    }

    [Fact]
    public void An_earlier_tab_counts_up_to_the_next_multiple_of_eight()
    {
        var ldterm = new LdtermHarness();
        ErasedTabTook(ldterm, "a\tb", "a       b", 7);
    }

    [Fact]
    public void Without_echoctl_a_backspace_counts_one_column_back()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHOCTL));
        ErasedTabTook(ldterm, "ab\b", "ab\b", 7);
    }

    [Fact]
    public void Without_echoctl_a_backspace_at_column_zero_counts_nothing()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHOCTL));
        ErasedTabTook(ldterm, "\bab", "\bab", 6);
    }

    [Fact]
    public void Under_onlret_a_literal_newline_returns_the_count_to_column_zero()
    {
        // ONLCR off, so only ONLRET moves the column back: "^\b" is LNEXT's echo, then the newline.
        var ldterm = new LdtermHarness(Output(OutputModes.ONLRET, OutputModes.ONLCR));
        ErasedTabTook(ldterm, "ab\x16\nc", "ab^\b\nc", 7);
    }

    [Fact]
    public void A_utf8_character_counts_one_column_whatever_its_continuation_bytes()
    {
        // U+0100, U+00BF and U+20AC: continuation bytes 0x80 and 0xbf at the ends of the range, and a three-byte character.
        var ldterm = new LdtermHarness();
        const string characters = "\u00c4\u0080\u00c2\u00bf\u00e2\u0082\u00ac";
        ErasedTabTook(ldterm, characters, characters, 5);
    }
}
