using Ptm.Actors.Tests.Diagnostics;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Clone;

/// <summary>
/// PD3 (closing the R6 window): from the moment the manager's close begins, every new open of
/// its /dev/pts/N fails EAGAIN, even while the close still waits for its output to drain (H3)
/// and the subsidiary stream is still open for the handles it had.
/// </summary>
public class ManagerClosingTests
{
    [Fact]
    public void PD3_an_open_while_the_managers_close_waits_for_its_output_fails_eagain()
    {
        using var pty = new DeterministicPty();
        using var metrics = new MeterRecorder(pty.System.Name);
        var (manager, subsidiary) = pty.OpenPair();
        var name = pty.PathOf(manager);
        var held = pty.Posix.WriteAsync(manager, Bytes.Repeat('x', 65536)); // nobody reads the subsidiary
        pty.Settle();
        Assert.False(held.IsCompleted, pty.At("flow control should hold the manager's write"));
        var close = pty.Posix.CloseAsync(manager);
        pty.Settle();
        Assert.False(close.IsCompleted, pty.At("a blocking close should wait for its output to drain (H3)"));

        pty.Fails(Errno.EAGAIN, pty.Posix.OpenAsync(name));

        Assert.Equal(1, metrics.Value("ptm.opens", "ptm.side=subsidiary")); // the refused open joined nothing
        pty.Sleep(Pty.SideActor.CloseTime); // H3: the drain gives up after 15 s
        Assert.True(pty.Done(close, "manager close").IsOk, pty.At("close"));
        Assert.Equal(PollEvents.POLLHUP, pty.Poll(subsidiary) & PollEvents.POLLHUP); // L14: hung up
        pty.CloseAllAndCheckClean(subsidiary);
    }
}
