using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// What an M_HANGUP does at the stream head (L15, PD6, M4.5): the ioctls waiting behind the
/// outstanding one fail ENXIO instead of going down a dead stream, and a second M_HANGUP finds
/// the stream already hung up: nothing happens twice, so a terminal gets one SIGHUP.
/// </summary>
public class HangUpAtTheHeadTests
{
    [Fact]
    public void PD6_an_ioctl_waiting_behind_the_outstanding_one_fails_enxio_at_the_hang_up()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Fill(s, 'y');
        var outstanding = pty.Posix.IoctlAsync(s, IoctlCommands.TIOCGWINSZ); // held in pts's queue behind the data (H5)
        var waiting = pty.Posix.IoctlAsync(s, IoctlCommands.TIOCGWINSZ); // held in the head behind it
        pty.Settle();
        Assert.False(outstanding.IsCompleted, pty.At("the first ioctl was not held behind the data"));
        Assert.False(waiting.IsCompleted, pty.At("the second ioctl did not wait for the first (H5)"));
        pty.Close(m);
        Assert.Equal(Errno.ENXIO, pty.Done(waiting, "the waiting ioctl").Errno);
        Assert.Equal(Errno.EINVAL, pty.Done(outstanding, "the outstanding ioctl").Errno); // NAKed with pts's queue (D12): it had gone down
        pty.CloseAllAndCheckClean(s);
    }

    [Fact]
    public void M4_5_a_second_m_hangup_records_no_second_SIGHUP()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "ptem")); // a terminal: its hang-up is a SIGHUP
        ErrorProbe.PushOn(pty, s);
        pty.Ok(pty.Posix.IoctlAsync(s, ErrorProbe.RaiseHangUp), "the probe's hang-up");
        Assert.Equal(new[] { Signal.SIGHUP }, pty.Settled(pty.Posix.TakeSignalsAsync(s)).Signals);
        pty.Close(m); // the driver's own M_HANGUP (L14) comes up behind it
        Assert.Empty(pty.Read(s)); // L15
        Assert.Empty(pty.Settled(pty.Posix.TakeSignalsAsync(s)).Signals);
        pty.CloseAllAndCheckClean(s);
    }
}
