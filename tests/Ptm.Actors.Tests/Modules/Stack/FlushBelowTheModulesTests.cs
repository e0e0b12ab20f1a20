using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules.Stack;

/// <summary>
/// A FLUSHR reaching a side whose driver read queue backs up below the modules (D4, D13, D15):
/// flushq(FLUSHDATA) discards the data waiting there, counted as consumed for the peer, and
/// keeps everything else in order, so an ioctl's answer queued behind the data still arrives.
/// </summary>
public class FlushBelowTheModulesTests
{
    private const int TCGETS = 0x540d;

    [Fact]
    public void A_flushr_from_the_manager_discards_the_waiting_data_but_not_the_answer_queued_behind_it()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        StackModules.Push(pty, s, StackModules.Pass);
        StackModules.FillAtMost(pty, m, limit: 16 * 1024); // the subsidiary's head and the module are full: data waits in pts's read queue
        // I7, D8: pts forwards TCGETS to the manager, whose head NAKs it; the NAK comes back behind that data (D13).
        var ioctl = pty.Posix.IoctlAsync(s, TCGETS);
        pty.Settle();
        Assert.False(ioctl.IsCompleted, pty.At("the NAK overtook the data waiting below the module"));
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHW), "tcflush(TCOFLUSH)"); // reaches the subsidiary as FLUSHR (D4)
        Assert.Equal(Errno.EINVAL, pty.Done(ioctl, "the forwarded TCGETS").Errno); // kept by the flush, so answered
        Assert.Null(pty.ReadNow(s)); // every data byte on the read side is gone
        pty.Write(m, "after"); // the flushed bytes counted as consumed (D15): the manager may write again
        Assert.Equal("after", pty.ReadText(s));
        pty.CloseAllAndCheckClean(m, s);
    }
}
