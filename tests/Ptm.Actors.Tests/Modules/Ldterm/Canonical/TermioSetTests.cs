using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.Ldterm.Canonical;

/// <summary>
/// The old-style sets (M1, ldterm_do_ioctl TCSETA/TCSETAW/TCSETAF, struct termio): a short
/// payload is refused, and only the F variant drops the pending line first (tcsetattr TCSAFLUSH, M3.3).
/// </summary>
public class TermioSetTests
{
    [Fact]
    public void Tcseta_with_a_short_payload_is_refused_einval()
    {
        var ldterm = new LdtermHarness();
        var set = ldterm.Ioctl(IoctlCommands.TCSETA, new byte[4]);
        ldterm.FromAbove(set);
        Assert.Equal(set.Nak(Errno.EINVAL), Assert.Single(ldterm.Up));
        Assert.Empty(ldterm.Down);
    }

    [Fact]
    public void Tcsetaf_drops_pending_input_and_flushes_the_head_first()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("typed ahead");
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCSETAF, Termios.Default.ToTermioBytes()));
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHR), Assert.Single(ldterm.Up));
        ldterm.Type("\n");
        Assert.Equal(new[] { "\n" }, ldterm.UpData());
    }

    [Theory]
    [InlineData(IoctlCommands.TCSETA)]
    [InlineData(IoctlCommands.TCSETAW)]
    public void Tcseta_and_tcsetaw_keep_pending_input(int command)
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("kept");
        ldterm.FromAbove(ldterm.Ioctl(command, Termios.Default.ToTermioBytes()));
        Assert.Empty(ldterm.Up);
        ldterm.Type("\n");
        Assert.Equal(new[] { "kept\n" }, ldterm.UpData());
    }
}
