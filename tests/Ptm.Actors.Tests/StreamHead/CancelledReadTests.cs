using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// A read cancelled before its side took it up (EINTR) finds data queued: the head leaves the
/// data for the next reader and does not hold the cancelled one, which would make every later
/// read wait behind a caller who has gone.
/// </summary>
public class CancelledReadTests
{
    [Fact]
    public void A_read_cancelled_as_data_waits_leaves_the_data_for_the_next_read()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Write(m, "data");
        using var cancel = new CancellationTokenSource();
        var gone = pty.Posix.ReadAsync(s, new byte[16], cancellationToken: cancel.Token);
        cancel.Cancel(); // the request is on its way to the side, already answered EINTR
        Assert.Equal(Errno.EINTR, pty.Settle(gone, "the cancelled read").Errno);
        Assert.Equal("data", pty.ReadText(s));
        pty.CloseAllAndCheckClean(m, s);
    }
}
