using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.MissingPeer;

/// <summary>A crashed side (PD13): its peer acts as after a close; nothing else is disturbed.</summary>
public class CrashTests
{
    [Fact]
    public void PD13_and_L15_a_manager_crash_hangs_up_the_subsidiary_which_keeps_its_data()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Write(m, "kept");
        var path = pty.PathOf(m);
        pty.Ok(pty.Posix.CrashAsync(m));
        pty.Settle();
        Assert.Equal("kept", pty.ReadText(s));
        Assert.Empty(pty.Read(s));
        Assert.Equal(PollEvents.POLLHUP, pty.Poll(s));
        pty.Fails(Errno.EIO, pty.Posix.WriteAsync(s, Bytes.Of("x")));
        pty.Fails(Errno.EAGAIN, pty.Posix.OpenAsync(path)); // PD3 until the last subsidiary handle closes
        pty.Close(s);
        pty.Fails(Errno.ENOENT, pty.Posix.OpenAsync(path));
        Assert.Equal(0, pty.System.AllocatedMinors);
    }

    [Fact]
    public void PD13_and_L13_a_subsidiary_crash_gives_the_manager_one_eof_and_the_pty_can_be_reopened()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        pty.Write(s, "before");
        pty.Ok(pty.Posix.CrashAsync(s));
        pty.Settle();
        Assert.Equal("before", pty.ReadText(m)); // PD13: what the manager had accepted is not lost
        Assert.Empty(pty.Read(m));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[8]));
        Assert.Equal(1, pty.System.AllocatedMinors);
        var again = pty.OpenSubsidiary(pty.PathOf(m));
        pty.Write(m, "new stream");
        Assert.Equal("new stream", pty.ReadText(again));
    }

    [Fact]
    public void PD13_a_crashed_sides_own_handles_fail_eio_poll_pollerr_and_close_ok()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var s2 = pty.OpenSubsidiary(pty.PathOf(m));
        pty.Ok(pty.Posix.CrashAsync(s));
        pty.Settle();
        foreach (var fd in new[] { s, s2 })
        {
            pty.Fails(Errno.EIO, pty.Posix.ReadAsync(fd, new byte[8]));
            pty.Fails(Errno.EIO, pty.Posix.WriteAsync(fd, Bytes.Of("x")));
            pty.Fails(Errno.EIO, pty.Posix.IoctlAsync(fd, IoctlCommands.TIOCGWINSZ));
            Assert.Equal(PollEvents.POLLERR, pty.Poll(fd));
            pty.Close(fd);
            pty.Fails(Errno.EBADF, pty.Posix.ReadAsync(fd, new byte[8]));
        }
        pty.Ok(pty.Posix.CrashAsync(m));
        pty.Settle();
        pty.Fails(Errno.EIO, pty.Posix.ReadAsync(m, new byte[8]));
        pty.Close(m);
        Assert.Equal(0, pty.System.AllocatedMinors);
    }

    [Fact]
    public void PD13_pending_calls_on_the_crashed_side_fail_eio_and_the_peers_are_woken()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var managerRead = pty.Posix.ReadAsync(m, new byte[8]);
        var subsidiaryRead = pty.Posix.ReadAsync(s, new byte[8]);
        var subsidiaryWrite = pty.Posix.WriteAsync(s, Bytes.Repeat('z', 20000));
        pty.Settle();
        Assert.False(subsidiaryWrite.IsCompleted);
        pty.Ok(pty.Posix.CrashAsync(s));
        pty.Settle();
        Assert.True(managerRead.IsCompleted && subsidiaryRead.IsCompleted && subsidiaryWrite.IsCompleted);
        Assert.Equal(Errno.EIO, subsidiaryRead.Result.Errno);
        Assert.True(subsidiaryWrite.Result.IsOk || subsidiaryWrite.Result.Errno == Errno.EIO);
        Assert.True(managerRead.Result.IsOk); // data or the EOF
    }

    [Fact]
    public void PD13_a_crash_never_takes_down_the_system_and_other_ptys_keep_working()
    {
        using var pty = new DeterministicPty();
        var (m1, s1) = pty.OpenPair();
        var (m2, s2) = pty.OpenPair();
        pty.Ok(pty.Posix.CrashAsync(m1));
        pty.Ok(pty.Posix.CrashAsync(s2));
        pty.Settle();
        var (m3, s3) = pty.OpenPair();
        Assert.Equal("/dev/pts/3", pty.PathOf(m3));
        pty.Write(m3, "alive");
        Assert.Equal("alive", pty.ReadText(s3));
        Assert.Empty(pty.Read(m2)); // the crashed subsidiary's EOF (L13)
        var s2again = pty.OpenSubsidiary(pty.PathOf(m2));
        pty.Write(s2again, "also alive");
        Assert.Equal("also alive", pty.ReadText(m2));
        Assert.Equal(PollEvents.POLLHUP, pty.Poll(s1));
    }

    /// <summary>
    /// PosixApi.Crash makes the side fail on its next message; when a call is still in the
    /// mailbox, that call is the message the actor fails on, and nobody ever answers it.
    /// </summary>
    [Fact]
    public void PD13_a_call_still_queued_when_the_side_crashes_fails_eio()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var write = pty.Posix.WriteAsync(s, Bytes.Of("x"));
        pty.Ok(pty.Posix.CrashAsync(s));
        pty.Settle();
        Assert.True(write.IsCompleted, "the write queued before the crash is never answered");
        Assert.True(write.Result.IsOk || write.Result.Errno == Errno.EIO);
    }
}

