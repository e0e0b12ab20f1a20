using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm.Echo;

/// <summary>
/// M1/M4.7 echo of one input byte (ldterm_echo): which control characters ECHOCTL shows as ^X,
/// which ones are echoed as they are without it, and echo that skips output processing without OPOST.
/// </summary>
public class EchoOfControlCharactersTests
{
    [Fact]
    public void Echoctl_shows_the_last_control_character_0x1f_as_caret_underscore()
    {
        // 0x1f is the top of ldterm_echo's "c <= 037" range.
        var ldterm = new LdtermHarness();
        ldterm.Type("\x1f");
        Assert.Equal("^_", ldterm.TakeDownText());
    }

    [Fact]
    public void Echoctl_under_olcuc_shows_a_lowercase_letter_when_opost_does_not_map_it_back()
    {
        // ldterm_echo ORs in 0140 rather than 0100 under OLCUC; only output processing would raise it again.
        var ldterm = new LdtermHarness(Output(OutputModes.OLCUC, OutputModes.OPOST));
        ldterm.Type("\x01");
        Assert.Equal("^a", ldterm.TakeDownText());
    }

    [Fact]
    public void Without_opost_echo_goes_down_unprocessed()
    {
        // ldterm_outchar only runs output processing under OPOST: no CR is added to the newline.
        var ldterm = new LdtermHarness(Output(OutputModes.None, OutputModes.OPOST));
        ldterm.Type("ab\n");
        Assert.Equal("ab\n", ldterm.TakeDownText());
    }

    [Fact]
    public void Without_echoctl_the_control_character_0x1f_is_not_echoed()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHOCTL));
        ldterm.Type("a\x1f" + "b");
        Assert.Equal("ab", ldterm.TakeDownText());
    }

    [Fact]
    public void Without_echoctl_tab_backspace_bell_carriage_return_and_newline_are_echoed_as_they_are()
    {
        // ICRNL is off so the carriage return stays one; TAB3 (the default) expands the tab to column 8.
        var ldterm = new LdtermHarness(t => Input(InputModes.None, InputModes.ICRNL)(Local(LocalModes.None, LocalModes.ECHOCTL)(t)));
        ldterm.Type("a\t\b\x07\r\n");
        Assert.Equal("a       \b\x07\r\r\n", ldterm.TakeDownText());
    }
}
