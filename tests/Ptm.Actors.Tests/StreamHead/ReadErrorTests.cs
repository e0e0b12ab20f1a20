using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// An M_ERROR carrying a read error (strrput, PD4): it is stored, every read and getmsg fails
/// with it from then on, the held ones included, and it is the error ioctls report before the
/// write error (H1). ptm only ever raises a write error (D9), so a probe module raises these.
/// </summary>
public class ReadErrorTests
{
    [Fact]
    public void PD4_a_read_error_fails_the_held_read_and_every_read_and_getmsg_after_it()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        ErrorProbe.PushOn(pty, s);
        var held = pty.Posix.ReadAsync(s, new byte[16]);
        pty.Settle();
        Assert.False(held.IsCompleted, pty.At("the read did not wait for data"));

        pty.Fails(Errno.EIO, ErrorProbe.Raise(pty, s, Errno.EIO, Errno.None)); // H1: the ioctl waiting for its answer fails too
        Assert.Equal(Errno.EIO, pty.Done(held, "the held read").Errno);
        pty.Write(m, "late");
        pty.Fails(Errno.EIO, pty.Posix.ReadAsync(s, new byte[16])); // the data stays unread: the error comes first
        pty.Fails(Errno.EIO, pty.Posix.ReadAsync(s, new byte[16])); // sticky: the next one fails too, never waits
        Assert.Equal(Errno.EIO, pty.Settled(pty.Posix.GetMessageAsync(s, 16, 16)).Status.Errno);
        Assert.Equal(PollEvents.POLLERR, pty.Poll(s));
        Assert.Equal(4, pty.Write(s, "stil")); // a read error leaves writes alone
        Assert.Equal("stil", pty.ReadText(m));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void H1_an_ioctl_reports_the_stored_read_error_before_the_write_error()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        ErrorProbe.PushOn(pty, s);
        pty.Fails(Errno.EIO, ErrorProbe.Raise(pty, s, Errno.EIO, Errno.ENXIO));
        pty.Fails(Errno.EIO, pty.Posix.IoctlAsync(s, IoctlCommands.TIOCGWINSZ)); // STRDERR before STWRERR, as strioctl checks them
        pty.Fails(Errno.EIO, pty.Posix.ReadAsync(s, new byte[16]));
        pty.Fails(Errno.ENXIO, pty.Posix.WriteAsync(s, Bytes.Of("x"))); // a write reports the write error
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void H1_a_read_error_alone_stops_ioctls_too()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        ErrorProbe.PushOn(pty, s);
        pty.Fails(Errno.EIO, ErrorProbe.Raise(pty, s, Errno.EIO, Errno.None));
        pty.Fails(Errno.EIO, pty.Posix.IoctlAsync(s, IoctlCommands.TIOCGWINSZ));
        pty.Fails(Errno.EIO, pty.Posix.DiscardAsync(s, FlushFlags.FLUSHR));
        pty.CloseAllAndCheckClean(m, s);
    }
}
