using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Requests;

/// <summary>
/// H3: a blocking close waits for queued output to drain, and cancelling it ends that wait.
/// A cancel can come before the side has even taken the close (a token already cancelled):
/// the close then does not start the wait at all.
/// </summary>
public class CancelledCloseTests
{
    [Fact]
    public void H3_a_close_cancelled_before_the_side_takes_it_closes_at_once_with_output_queued()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var held = pty.Posix.WriteAsync(m, new byte[100_000]); // more than the path to the unread subsidiary holds (D14)
        pty.Settle();
        Assert.False(held.IsCompleted, pty.At("nothing held the write: no output is queued"));

        var close = pty.Posix.CloseAsync(m, cancellationToken: new CancellationToken(canceled: true));
        pty.Settle(); // the virtual clock stands still: H3's 15 s cannot end the wait

        Assert.True(pty.Done(close, "the cancelled close").IsOk);
        pty.Done(held, "the write held when its descriptor closed");
        Assert.Equal(PollEvents.POLLIN | PollEvents.POLLHUP, pty.Poll(s) & (PollEvents.POLLIN | PollEvents.POLLHUP)); // the manager's close ran: L14
        pty.Close(s);
    }
}
