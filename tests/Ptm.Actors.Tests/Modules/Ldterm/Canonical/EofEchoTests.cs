using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm.Canonical;

/// <summary>
/// EOF's echo (M1, ldterm_docanon): shown as ^X and backed over only under ECHO, ECHOCTL and
/// IEXTEN together; otherwise EOF is not echoed at all, even when it is a printable character.
/// </summary>
public class EofEchoTests
{
    [Theory]
    [InlineData(LocalModes.ECHOCTL)]
    [InlineData(LocalModes.IEXTEN)]
    public void A_printable_eof_is_not_echoed_without_echoctl_and_iexten(LocalModes off)
    {
        var ldterm = new LdtermHarness(t => Local(LocalModes.None, off)(t.With(ControlChar.VEOF, (byte)'#')));
        ldterm.Type("ab#");
        Assert.Equal("ab", ldterm.TakeDownText());
        Assert.Equal(new[] { "ab" }, ldterm.UpData());
    }
}
