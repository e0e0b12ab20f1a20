using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;
using LdtermModule = Ptm.Actors.Modules.Ldterm;

namespace Ptm.Actors.Tests.Modules.Ldterm.Canonical;

/// <summary>
/// M1: the line editor's one-shot states (TS_QUOT after a backslash, TS_SLNCH after LNEXT,
/// TS_ERASE inside an ECHOPRT "\...") each last for one byte or one event, and no longer.
/// </summary>
public class EditingStateResetTests
{
    [Fact]
    public void A_newline_that_throws_a_full_line_away_still_ends_the_new_line()
    {
        // Without IMAXBEL the full line goes and the newline starts a new one: as a terminator, not as literal data.
        var ldterm = new LdtermHarness(Input(InputModes.None, InputModes.IMAXBEL));
        ldterm.Type(new string('x', LdtermModule.MaxLine));
        ldterm.Type("\n");
        Assert.Equal(new[] { "\n" }, ldterm.UpData());
    }

    [Fact]
    public void A_nul_refused_by_a_full_line_still_ends_the_backslash_quote()
    {
        // The disabled character (NUL) is data and ends TS_QUOT even when IMAXBEL then refuses it,
        // so the erase after it erases the backslash and is not stored in its place.
        var ldterm = new LdtermHarness();
        ldterm.Type(new string('x', LdtermModule.MaxLine - 1) + "\\");
        ldterm.Type("\0");
        ldterm.Type("\x7f");
        ldterm.Type("\n");
        Assert.Equal(new[] { new string('x', LdtermModule.MaxLine - 1) + "\n" }, ldterm.UpData());
    }

    [Fact]
    public void After_a_kill_the_next_erase_is_an_erase_and_the_next_newline_ends_the_line()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("ab\x15");
        ldterm.Type("\x7f");
        ldterm.Type("\n");
        Assert.Equal(new[] { "\n" }, ldterm.UpData());
    }

    [Fact]
    public void Echoprt_closes_its_printed_erase_once_with_a_single_slash()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.ECHOPRT, LocalModes.ECHOE));
        ldterm.Type("ab\x7f");
        ldterm.TakeDownText();
        ldterm.Type("cd");
        Assert.Equal("/cd", ldterm.TakeDownText());
    }

    [Fact]
    public void Reprint_ends_a_printed_erase_so_no_slash_follows()
    {
        // The reprinted line shows the state after the erase; the "\..." is gone from view.
        var ldterm = new LdtermHarness(Local(LocalModes.ECHOPRT, LocalModes.ECHOE));
        ldterm.Type("abc\x7f");
        ldterm.Type("\x12");
        ldterm.TakeDownText();
        ldterm.Type("d");
        Assert.Equal("d", ldterm.TakeDownText());
    }
}
