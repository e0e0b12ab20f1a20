using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.Ldterm.Canonical;

/// <summary>
/// Back to canonical mode (M1, chgstropts): the timed read ends without sending anything, and
/// bytes collected in raw mode stay as the start of the next line.
/// </summary>
public class CanonicalReturnTests
{
    [Fact]
    public void Returning_to_canonical_mode_keeps_raw_bytes_as_the_start_of_a_line()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(5, 0);
        ldterm.Type("ab");
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCSETS, Termios.Default.ToBytes()));
        Assert.Empty(ldterm.UpData());
        ldterm.Type("\n");
        Assert.Equal(new[] { "ab\n" }, ldterm.UpData());
    }
}
