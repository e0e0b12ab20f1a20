using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Lifecycle;

/// <summary>Last closes, hang-up, EOF and freeing the minor (L12, L13, L14, L15, L16, L17, PD3), and the state machine of 1.2.</summary>
public class CloseTests
{
    [Fact]
    public void L12_and_D16_subsidiary_last_close_delivers_its_queued_output_before_the_eof()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var data = Bytes.Pattern(10000, 12); // more than the manager's read queue takes: some waits in pts's queue
        var accepted = 0;
        while (accepted < data.Length)
        {
            var result = pty.Settle(pty.Posix.WriteAsync(s, data.AsMemory(accepted)));
            if (!result.IsOk) break;
            accepted += (int)result.Value;
        }
        Assert.True(accepted >= 4096 && accepted < data.Length, $"accepted {accepted}");
        pty.Close(s);
        var read = pty.Drain(m);
        Assert.Equal(data[..accepted], read);
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[8]));
    }

    [Fact]
    public void L13_the_manager_reads_eof_once_at_the_subsidiary_last_close_then_waits()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        pty.Write(s, "last words");
        pty.Close(s);
        Assert.Equal("last words", pty.ReadText(m));
        Assert.Empty(pty.Read(m));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[8]));
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(m)); // L13: no POLLHUP, no error on the manager
        Assert.Equal(1, pty.System.AllocatedMinors);
    }

    [Fact]
    public void L13_a_blocked_manager_read_is_woken_by_the_subsidiary_close_with_eof()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var read = pty.Posix.ReadAsync(m, new byte[16]);
        pty.Settle();
        Assert.False(read.IsCompleted);
        pty.Close(s);
        Assert.Equal(0, pty.Ok(read));
    }

    [Fact]
    public void L14_manager_close_hangs_up_the_subsidiary()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var blockedRead = pty.Posix.ReadAsync(s, new byte[16]);
        pty.Settle();
        Assert.False(blockedRead.IsCompleted);
        pty.Close(m);
        Assert.Equal(0, pty.Ok(blockedRead));
        Assert.Equal(PollEvents.POLLHUP, pty.Poll(s));
        pty.Fails(Errno.EIO, pty.Posix.WriteAsync(s, Bytes.Of("x")));
    }

    [Fact]
    public void L14_manager_close_keeps_delivered_data_and_discards_its_own_queued_output()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var data = Bytes.Pattern(8000, 14);
        var accepted = 0;
        while (true)
        {
            var result = pty.Settle(pty.Posix.WriteAsync(m, data.AsMemory(accepted)));
            if (!result.IsOk) break;
            accepted += (int)result.Value;
        }
        Assert.True(accepted > 2048, $"accepted {accepted}");
        pty.Close(m);
        var read = pty.Drain(s);
        Assert.True(read.Length >= 2048 && read.Length < accepted, $"read {read.Length} of {accepted}");
        Assert.True(Bytes.IsPrefix(read, data));
        Assert.Empty(pty.Read(s));
    }

    [Fact]
    public void L15_a_hung_up_subsidiary_drains_then_reads_eof_forever_writes_eio_and_polls_pollhup()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Write(m, "left over");
        pty.Close(m);
        Assert.Equal(PollEvents.POLLIN | PollEvents.POLLHUP, pty.Poll(s));
        pty.Fails(Errno.EIO, pty.Posix.WriteAsync(s, Bytes.Of("x")));
        Assert.Equal("left", pty.ReadText(s, 4));
        Assert.Equal(" over", pty.ReadText(s));
        for (var i = 0; i < 3; i++) Assert.Empty(pty.Read(s));
        Assert.Equal(PollEvents.POLLHUP, pty.Poll(s));
        pty.Fails(Errno.ENXIO, pty.Posix.DiscardAsync(s, FlushFlags.FLUSHRW)); // H2
        pty.Fails(Errno.ENXIO, pty.Posix.IoctlAsync(s, IoctlCommands.PTSSTTY)); // PD6
    }

    [Fact]
    public void L16_manager_close_without_a_subsidiary_frees_the_minor_at_once()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        Assert.Equal(1, pty.System.AllocatedMinors);
        pty.Close(m);
        Assert.Equal(0, pty.System.AllocatedMinors);
        pty.Fails(Errno.ENOENT, pty.Posix.OpenAsync("/dev/pts/1"));
    }

    [Fact]
    public void L16_subsidiary_close_keeps_the_pty_and_manager_close_then_frees_it()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Close(s);
        Assert.Equal(1, pty.System.AllocatedMinors);
        pty.Close(m);
        Assert.Equal(0, pty.System.AllocatedMinors);
    }

    [Fact]
    public void L16_an_orphaned_pty_is_freed_at_the_subsidiary_last_close()
    {
        using var pty = new DeterministicPty();
        var (m, s1) = pty.OpenPair();
        var s2 = pty.OpenSubsidiary(pty.PathOf(m));
        pty.Close(m);
        Assert.Equal(1, pty.System.AllocatedMinors);
        pty.Close(s1);
        Assert.Equal(1, pty.System.AllocatedMinors);
        pty.Close(s2);
        Assert.Equal(0, pty.System.AllocatedMinors);
    }

    [Fact]
    public void L17_and_PD3_open_of_an_orphaned_subsidiary_fails_eagain_then_enoent_once_freed()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        var path = pty.PathOf(m);
        pty.Close(m);
        pty.Fails(Errno.EAGAIN, pty.Posix.OpenAsync(path));
        pty.Close(s);
        pty.Fails(Errno.ENOENT, pty.Posix.OpenAsync(path));
    }

    /// <summary>
    /// Section 1.2: FREE -> LOCKED -> READY -> CONNECTED -> READY -> CONNECTED -> ORPHANED -> FREE,
    /// each state seen from outside (L3, L6, L9, L11, L13, L14, L15, L16, L17, PD1, PD3).
    /// </summary>
    [Fact]
    public void A_pty_walks_through_every_state_of_section_1_2()
    {
        using var pty = new DeterministicPty();
        pty.Fails(Errno.ENOENT, pty.Posix.OpenAsync("/dev/pts/1")); // FREE
        var m = pty.OpenManager(OpenFlags.NonBlock);
        var path = pty.PathOf(m);
        pty.Fails(Errno.EAGAIN, pty.Posix.OpenAsync(path)); // LOCKED
        pty.Ok(pty.Posix.UnlockAsync(m)); // READY
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(m));
        var s = pty.OpenSubsidiary(pty.PathOf(m)); // CONNECTED
        pty.Write(m, "1");
        Assert.Equal("1", pty.ReadText(s));
        pty.Close(s); // back to READY
        Assert.Empty(pty.Read(m));
        Assert.Equal(1, pty.System.AllocatedMinors);
        var again = pty.OpenSubsidiary(pty.PathOf(m)); // CONNECTED without a new unlock
        var extra = pty.OpenSubsidiary(pty.PathOf(m));
        pty.Close(m); // ORPHANED
        Assert.Equal(1, pty.System.AllocatedMinors);
        pty.Fails(Errno.EAGAIN, pty.Posix.OpenAsync(path));
        Assert.Equal(PollEvents.POLLHUP, pty.Poll(again));
        pty.Close(again);
        pty.Close(extra); // FREE
        Assert.Equal(0, pty.System.AllocatedMinors);
        pty.Fails(Errno.ENOENT, pty.Posix.OpenAsync(path));
        Assert.Equal("/dev/pts/1", pty.PathOf(pty.OpenManager()));
    }

    [Fact]
    public void L9_closing_one_of_two_subsidiary_handles_keeps_the_other_working()
    {
        using var pty = new DeterministicPty();
        var (m, s1) = pty.OpenPair(OpenFlags.NonBlock);
        var s2 = pty.OpenSubsidiary(pty.PathOf(m));
        pty.Close(s1);
        pty.Fails(Errno.EBADF, pty.Posix.ReadAsync(s1, new byte[4]));
        pty.Write(m, "ok");
        Assert.Equal("ok", pty.ReadText(s2));
    }
}
