using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm.Raw;

/// <summary>
/// M1 raw input is collected once and echoed as typed: ECHO echoes every byte whatever IEXTEN
/// says, ECHONL alone echoes only the newline, and with none of ECHO, ECHONL, IEXTEN the bytes
/// are taken as they are (ldterm_dononcanon's fast path).
/// </summary>
public class RawEchoTests
{
    [Fact]
    public void Without_echo_echonl_or_iexten_each_raw_byte_goes_up_once_and_nothing_is_echoed()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ECHO | LocalModes.ECHONL | LocalModes.IEXTEN));
        ldterm.Raw(1, 0);
        ldterm.Type("ab");
        Assert.Equal(new[] { "ab" }, ldterm.UpData());
        Assert.Empty(ldterm.Down);
    }

    [Fact]
    public void Raw_input_is_echoed_under_echo_without_iexten()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.IEXTEN));
        ldterm.Raw(1, 0);
        ldterm.Type("a");
        Assert.Equal("a", ldterm.TakeDownText());
    }

    [Fact]
    public void Echonl_without_echo_echoes_only_the_newline_of_raw_input()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.ECHONL, LocalModes.ECHO));
        ldterm.Raw(2, 0);
        ldterm.Type("a\n");
        Assert.Equal(new[] { "a\n" }, ldterm.UpData());
        Assert.Equal("\r\n", ldterm.TakeDownText()); // ONLCR applies to the echo too
    }
}
