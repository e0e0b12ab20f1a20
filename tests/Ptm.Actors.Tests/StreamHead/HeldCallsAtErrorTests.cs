using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// Calls a stream head holds when an M_ERROR arrives end at once (strrput wakes them, PD4, H1):
/// a writer held by flow control fails with the write error, a reader held for data with the
/// read error, so none waits for room or data that no longer matters.
/// </summary>
public class HeldCallsAtErrorTests
{
    [Fact]
    public void PD4_writers_held_by_flow_control_fail_with_the_write_error_when_it_arrives()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
        var blocking = pty.OpenSubsidiary(pty.PathOf(m)); // the same stream, without O_NONBLOCK (L9)
        ErrorProbe.PushOn(pty, s);
        pty.Fill(s, 'y');
        var write = pty.Posix.WriteAsync(blocking, Bytes.Of("held"));
        var putmsg = pty.Posix.PutMessageAsync(blocking, Bytes.Of("c"), Bytes.Of("d"));
        pty.Settle();
        Assert.False(write.IsCompleted, pty.At("the write was not held by flow control"));
        Assert.False(putmsg.IsCompleted, pty.At("the putmsg was not held by flow control"));

        pty.Fails(Errno.EINVAL, ErrorProbe.Raise(pty, s, Errno.None, Errno.EINVAL)); // ioctls pass the full queue (M3.6)
        Assert.Equal(Errno.EINVAL, pty.Done(write, "the held write").Errno); // it moved nothing, so the error, not a count
        Assert.Equal(Errno.EINVAL, pty.Done(putmsg, "the held putmsg").Errno);
        pty.CloseAllAndCheckClean(m, s, blocking);
    }
}
