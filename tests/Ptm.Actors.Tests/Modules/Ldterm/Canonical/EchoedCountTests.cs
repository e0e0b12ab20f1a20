using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm.Canonical;

/// <summary>
/// t_rocount (M1, ldterm_rubout, ldterm_kill): an erase that rubs a character out takes it off the
/// count of bytes echoed since the last output, so ECHOKE still sees the whole line as echoed.
/// </summary>
public class EchoedCountTests
{
    [Fact]
    public void After_an_erase_kill_still_rubs_out_each_character_under_echoke()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc\x7f");
        ldterm.TakeDownText();
        ldterm.Type("\x15");
        Assert.Equal("\b \b\b \b", ldterm.TakeDownText());
    }

    [Fact]
    public void After_erasing_a_whole_utf8_character_kill_still_rubs_out_the_rest()
    {
        // The count drops by the character's bytes, not by one.
        var ldterm = new LdtermHarness();
        ldterm.Type("ab\u00c3\u00a9\x7f");
        ldterm.TakeDownText();
        ldterm.Type("\x15");
        Assert.Equal("\b \b\b \b", ldterm.TakeDownText());
    }
}
