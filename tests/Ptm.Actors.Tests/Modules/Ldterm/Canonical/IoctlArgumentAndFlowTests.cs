using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm.Canonical;

/// <summary>
/// TCFLSH and TCXONC (M1, ldterm_do_ioctl): their int argument must be there, TCFLSH 2's own
/// FLUSHW is swallowed when the head turns it round (TS_FLUSHWAIT), and TCXONC 3 ends the
/// input stop so a later signal's flush has nothing to restart.
/// </summary>
public class IoctlArgumentAndFlowTests
{
    [Theory]
    [InlineData(IoctlCommands.TCFLSH, 0)]
    [InlineData(IoctlCommands.TCFLSH, 3)]
    [InlineData(IoctlCommands.TCXONC, 3)]
    public void A_flush_or_flow_ioctl_without_its_int_argument_is_refused_einval(int command, int length)
    {
        var ldterm = new LdtermHarness();
        var ioctl = ldterm.Ioctl(command, new byte[length]);
        ldterm.FromAbove(ioctl);
        Assert.Equal(ioctl.Nak(Errno.EINVAL), Assert.Single(ldterm.Up));
        Assert.Empty(ldterm.Down);
    }

    [Fact]
    public void Tcflsh_2_swallows_the_turned_round_copy_of_its_write_flush()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCFLSH, Int(2)));
        ldterm.Clear();
        ldterm.FromAbove(new FlushMessage(FlushFlags.FLUSHW));
        Assert.Empty(ldterm.Down);
        ldterm.FromAbove(new FlushMessage(FlushFlags.FLUSHW)); // only once: the next one is the writer's own
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHW), Assert.Single(ldterm.Down));
    }

    [Fact]
    public void After_tcxonc_3_a_signal_flush_sends_no_second_start_input()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCXONC, Int(2)));
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCXONC, Int(3)));
        ldterm.Clear();
        ldterm.Type("\x03");
        Assert.DoesNotContain(ldterm.Down, m => m is FlowMessage);
    }
}
