using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>A putmsg held by flow control (H8) still gets its answer when the stream is hung up under it (L15, PD6, R9).</summary>
public class HeldPutmsgTests
{
    [Fact]
    public void L15_a_putmsg_held_by_flow_control_fails_enxio_when_the_manager_closes()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
        var blocking = pty.OpenSubsidiary(pty.PathOf(m)); // a second, blocking file on the same stream (L9)
        pty.Fill(s, 'y');
        var held = pty.Posix.PutMessageAsync(blocking, null, Bytes.Of("z"));
        pty.Settle();
        Assert.False(held.IsCompleted, pty.At("the putmsg was not held by flow control"));
        pty.Close(m);
        // It moved nothing, so it ends with the hang-up's error: ENXIO for putmsg (strputmsg), not a count.
        Assert.Equal(Errno.ENXIO, pty.Done(held, "the held putmsg").Errno);
    }
}
