using Ptm.Actors.Pty;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.MissingPeer;

/// <summary>Writes with no peer and the sticky EINVAL (D9, D10, D12, PD4, PD5, PD6).</summary>
public class MissingPeerTests
{
    [Fact]
    public void D9_PD4_and_H1_a_manager_write_while_locked_returns_its_count_then_every_later_write_and_ioctl_fails_einval()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager(OpenFlags.NonBlock);
        Assert.Equal(5, pty.Write(m, "early"));
        pty.Fails(Errno.EINVAL, pty.Posix.WriteAsync(m, Bytes.Of("again")));
        pty.Fails(Errno.EINVAL, pty.Posix.WriteAsync(m, Array.Empty<byte>()));
        Assert.Equal(PollEvents.POLLERR, pty.Poll(m));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[8])); // reads unaffected
        // H1: the stored error stops every ioctl, and the libc calls made of them.
        pty.Fails(Errno.EINVAL, pty.Posix.IoctlAsync(m, IoctlCommands.ISPTM));
        pty.Fails(Errno.EINVAL, pty.Posix.UnlockAsync(m));
        pty.Fails(Errno.EINVAL, pty.Posix.GrantAsync(m));
        pty.Fails(Errno.EINVAL, pty.Posix.GetSubsidiaryNameAsync(m));
        pty.Fails(Errno.EINVAL, pty.Posix.DiscardAsync(m, FlushFlags.FLUSHRW));
        pty.Fails(Errno.EAGAIN, pty.Posix.OpenAsync(pty.PathOf(m))); // still locked: UNLKPT never got through (L6)
    }

    [Fact]
    public void D9_and_PD4_a_manager_write_after_unlock_with_no_subsidiary_is_lost_and_sticky()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Ok(pty.Posix.UnlockAsync(m));
        Assert.Equal(4, pty.Write(m, "lost"));
        var s = pty.OpenSubsidiary(pty.PathOf(m), OpenFlags.NonBlock);
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(s, new byte[8]));
        pty.Fails(Errno.EINVAL, pty.Posix.WriteAsync(m, Bytes.Of("x")));
    }

    [Fact]
    public void D9_and_PD4_a_zero_length_manager_write_while_locked_is_sticky_too()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        Assert.Equal(0, pty.Write(m, Array.Empty<byte>()));
        Assert.Equal(PollEvents.POLLERR, pty.Poll(m));
        pty.Fails(Errno.EINVAL, pty.Posix.WriteAsync(m, Bytes.Of("x")));
    }

    [Fact]
    public void D9_a_manager_write_after_the_subsidiary_closed_is_sticky()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Close(s);
        Assert.Empty(pty.Read(m));
        Assert.Equal(3, pty.Write(m, "abc"));
        pty.Fails(Errno.EINVAL, pty.Posix.WriteAsync(m, Bytes.Of("x")));
        Assert.Equal(PollEvents.POLLERR, pty.Poll(m));
    }

    [Fact]
    public void D2_and_D9_an_unknown_ioctl_or_a_flush_while_locked_leaves_no_sticky_error()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Fails(Errno.EINVAL, pty.Posix.IoctlAsync(m, IoctlCommands.TIOCGWINSZ)); // TIOCGWINSZ, NAKed at once (D2)
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHRW));
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(m));
        pty.GrantAndUnlock(m);
        var s = pty.OpenSubsidiary(pty.PathOf(m));
        pty.Write(m, "clean");
        Assert.Equal("clean", pty.ReadText(s));
    }

    [Fact]
    public void PD4_the_sticky_einval_ends_with_the_manager()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Write(m, "x");
        pty.Close(m);
        var (m2, s2) = pty.OpenPair();
        Assert.Equal("/dev/pts/1", pty.PathOf(m2));
        pty.Write(m2, "fresh");
        Assert.Equal("fresh", pty.ReadText(s2));
    }

    [Fact]
    public void D10_and_PD6_a_subsidiary_after_hang_up_fails_writes_eio_and_ioctls_enxio()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Close(m);
        pty.Fails(Errno.EIO, pty.Posix.WriteAsync(s, Bytes.Of("x")));
        pty.Fails(Errno.EIO, pty.Posix.WriteAsync(s, Array.Empty<byte>()));
        pty.Fails(Errno.ENXIO, pty.Posix.IoctlAsync(s, IoctlCommands.TIOCGWINSZ));
        pty.Fails(Errno.ENXIO, pty.Posix.IoctlAsync(s, IoctlCommands.PTSSTTY));
    }

    [Fact]
    public void PD5_manager_output_held_at_the_subsidiary_close_stays_held_until_the_manager_flushes()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        var accepted = pty.Fill(m);
        Assert.True(accepted > 2048); // some of it waits in ptm's write queue
        pty.Close(s);
        Assert.Empty(pty.Read(m)); // EOF (L13)
        pty.Fails(Errno.EAGAIN, pty.Posix.WriteAsync(m, Bytes.Of("y"))); // D16: still flow-controlled, no error
        Assert.Equal(PollEvents.None, pty.Poll(m));
        var again = pty.OpenSubsidiary(pty.PathOf(m), OpenFlags.NonBlock);
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(again, new byte[64])); // a new subsidiary releases nothing
        pty.Fails(Errno.EAGAIN, pty.Posix.WriteAsync(m, Bytes.Of("y")));
        pty.Close(again);
        Assert.Empty(pty.Read(m));
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHW)); // discards the held output
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(m));
        Assert.Equal(1, pty.Write(m, "y")); // meets "no subsidiary": D9
        pty.Fails(Errno.EINVAL, pty.Posix.WriteAsync(m, Bytes.Of("z"))); // PD4
    }

    [Fact]
    public void PD5_a_blocked_manager_writer_stays_blocked_at_the_subsidiary_close_until_the_manager_flushes()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var write = pty.Posix.WriteAsync(m, Bytes.Repeat('x', 10000));
        pty.Settle();
        Assert.False(write.IsCompleted);
        pty.Close(s);
        Assert.False(write.IsCompleted, "ptsclose enables nothing (D16)");
        Assert.Empty(pty.Read(m));
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHW));
        Assert.Equal(SysResult.Ok(10000), pty.Done(write)); // resumed, it met D9: the whole write counts (PD4)
        pty.Fails(Errno.EINVAL, pty.Posix.WriteAsync(m, Bytes.Of("y")));
    }

    [Fact]
    public void D12_subsidiary_output_held_at_the_manager_close_is_dropped_quietly()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
        pty.Fill(s, 'y');
        pty.Close(m);
        Assert.Empty(pty.Read(s));
        pty.Close(s);
        Assert.Equal(0, pty.System.AllocatedMinors);
        Assert.Equal(0, pty.System.UnexpectedDeadLetters);
    }

    [Fact]
    public void D12_a_blocked_subsidiary_writer_ends_when_the_manager_closes()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var write = pty.Posix.WriteAsync(s, Bytes.Repeat('y', 20000));
        pty.Settle();
        Assert.False(write.IsCompleted);
        pty.Close(m);
        var result = pty.Settle(write);
        Assert.True(result.IsOk ? result.Value is > 0 and < 20000 : result.Errno == Errno.EIO, result.ToString());
        pty.Fails(Errno.EIO, pty.Posix.WriteAsync(s, Bytes.Of("y")));
    }
}
