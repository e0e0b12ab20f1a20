using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.MissingPeer;

/// <summary>Writes with no peer and the sticky EINVAL (D9, D10, D11, D12, PD4, PD5, PD6).</summary>
public class MissingPeerTests
{
    [Fact]
    public void D9_and_PD4_a_manager_write_while_locked_returns_its_count_then_every_later_write_fails_einval()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager(OpenFlags.NonBlock);
        Assert.Equal(5, pty.Write(m, "early"));
        pty.Fails(Errno.EINVAL, pty.Posix.Write(m, Bytes.Of("again")));
        pty.Fails(Errno.EINVAL, pty.Posix.Write(m, Array.Empty<byte>()));
        Assert.Equal(PollEvents.POLLERR, pty.Poll(m));
        pty.Fails(Errno.EAGAIN, pty.Posix.Read(m, new byte[8])); // reads unaffected
        pty.GrantAndUnlock(m);
        var s = pty.OpenSubsidiary(pty.PathOf(m)); // the error stays until the manager closes
        pty.Fails(Errno.EINVAL, pty.Posix.Write(m, Bytes.Of("x")));
        pty.Write(s, "reads still work");
        Assert.Equal("reads still work", pty.ReadText(m));
    }

    [Fact]
    public void D9_and_PD4_a_manager_write_after_unlock_with_no_subsidiary_is_lost_and_sticky()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Ok(pty.Posix.unlockpt(m));
        Assert.Equal(4, pty.Write(m, "lost"));
        var s = pty.OpenSubsidiary(pty.PathOf(m), OpenFlags.NonBlock);
        pty.Fails(Errno.EAGAIN, pty.Posix.Read(s, new byte[8]));
        pty.Fails(Errno.EINVAL, pty.Posix.Write(m, Bytes.Of("x")));
    }

    [Fact]
    public void D9_and_PD4_a_zero_length_manager_write_while_locked_is_sticky_too()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        Assert.Equal(0, pty.Write(m, Array.Empty<byte>()));
        Assert.Equal(PollEvents.POLLERR, pty.Poll(m));
        pty.Fails(Errno.EINVAL, pty.Posix.Write(m, Bytes.Of("x")));
    }

    [Fact]
    public void D9_a_manager_write_after_the_subsidiary_closed_is_sticky()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Close(s);
        Assert.Empty(pty.Read(m));
        Assert.Equal(3, pty.Write(m, "abc"));
        pty.Fails(Errno.EINVAL, pty.Posix.Write(m, Bytes.Of("x")));
        Assert.Equal(PollEvents.POLLERR, pty.Poll(m));
    }

    [Fact]
    public void D2_and_D9_an_unknown_ioctl_or_a_flush_while_locked_leaves_no_sticky_error()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Fails(Errno.EINVAL, pty.Posix.Ioctl(m, 0x5468)); // TIOCGWINSZ, NAKed at once (D2)
        pty.Ok(pty.Posix.Flush(m, Streams.FlushFlags.FLUSHRW));
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
        pty.Fails(Errno.EIO, pty.Posix.Write(s, Bytes.Of("x")));
        pty.Fails(Errno.EIO, pty.Posix.Write(s, Array.Empty<byte>()));
        pty.Fails(Errno.ENXIO, pty.Posix.Ioctl(s, 0x5468));
        pty.Fails(Errno.ENXIO, pty.Posix.Ioctl(s, IoctlCommands.PTSSTTY));
    }

    [Fact]
    public void D11_and_PD5_manager_output_held_at_the_subsidiary_close_is_dropped_and_makes_writes_sticky()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        var accepted = 0;
        while (pty.Settle(pty.Posix.Write(m, Bytes.Repeat('x', 4096))) is { IsOk: true } result) accepted += (int)result.Value;
        Assert.True(accepted > 2048); // some of it waits in ptm's write queue
        pty.Close(s);
        Assert.Empty(pty.Read(m)); // EOF
        pty.Fails(Errno.EINVAL, pty.Posix.Write(m, Bytes.Of("y")));
        var again = pty.OpenSubsidiary(pty.PathOf(m), OpenFlags.NonBlock);
        pty.Fails(Errno.EAGAIN, pty.Posix.Read(again, new byte[64])); // PD5: a later subsidiary never sees it
    }

    [Fact]
    public void D11_a_blocked_manager_writer_ends_when_the_subsidiary_closes()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var write = pty.Posix.Write(m, Bytes.Repeat('x', 10000));
        pty.Settle();
        Assert.False(write.IsCompleted);
        pty.Close(s);
        var result = pty.Settle(write);
        Assert.True(result.IsOk ? result.Value is > 0 and <= 10000 : result.Errno == Errno.EINVAL, result.ToString());
        pty.Fails(Errno.EINVAL, pty.Posix.Write(m, Bytes.Of("y")));
    }

    [Fact]
    public void D12_subsidiary_output_held_at_the_manager_close_is_dropped_quietly()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
        while (pty.Settle(pty.Posix.Write(s, Bytes.Repeat('y', 4096))).IsOk) { }
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
        var write = pty.Posix.Write(s, Bytes.Repeat('y', 20000));
        pty.Settle();
        Assert.False(write.IsCompleted);
        pty.Close(m);
        var result = pty.Settle(write);
        Assert.True(result.IsOk ? result.Value is > 0 and < 20000 : result.Errno == Errno.EIO, result.ToString());
        pty.Fails(Errno.EIO, pty.Posix.Write(s, Bytes.Of("y")));
    }
}
