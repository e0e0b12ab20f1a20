using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Errnos;

/// <summary>The read, write, close and poll rows of section 3.3, and bad descriptors and arguments.</summary>
public class DescriptorErrnoTests
{
    private static void AllFailEbadf(DeterministicPty pty, int fd)
    {
        pty.Fails(Errno.EBADF, pty.Posix.ReadAsync(fd, new byte[4]));
        pty.Fails(Errno.EBADF, pty.Posix.WriteAsync(fd, Bytes.Of("x")));
        pty.Fails(Errno.EBADF, pty.Posix.PollAsync(fd));
        pty.Fails(Errno.EBADF, pty.Posix.CloseAsync(fd));
        pty.Fails(Errno.EBADF, pty.Posix.IoctlAsync(fd, IoctlCommands.ISPTM));
        pty.Fails(Errno.EBADF, pty.Posix.DiscardAsync(fd, FlushFlags.FLUSHRW));
        pty.Fails(Errno.EBADF, pty.Posix.GetSubsidiaryNameAsync(fd));
        pty.Fails(Errno.EBADF, pty.Posix.GrantAsync(fd));
        pty.Fails(Errno.EBADF, pty.Posix.UnlockAsync(fd));
    }

    [Fact]
    public void C2_C3_C4_C5_C6_every_call_on_a_closed_descriptor_fails_ebadf()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Close(s);
        pty.Close(m);
        AllFailEbadf(pty, m);
        AllFailEbadf(pty, s);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4242)]
    [InlineData(int.MaxValue)]
    public void C2_C3_C4_C5_C6_every_call_on_an_unknown_descriptor_fails_ebadf(int fd)
    {
        using var pty = new DeterministicPty();
        pty.OpenPair();
        AllFailEbadf(pty, fd);
    }

    [Fact]
    public void C2_a_descriptor_whose_open_failed_behaves_as_closed()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        var failed = pty.Posix.OpenAsync(pty.PathOf(m));
        Assert.Equal(-1, pty.Settle(failed).Value);
        AllFailEbadf(pty, -1);
        // The descriptor number the failed open reserved is not usable either.
        AllFailEbadf(pty, m + 1);
    }

    [Fact]
    public void C3_ptsname_r_with_a_null_or_negative_length_fails_einval_and_a_short_one_erange()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Fails(Errno.EINVAL, pty.Posix.GetSubsidiaryNameAsync(m, (int?)null));
        pty.Fails(Errno.EINVAL, pty.Posix.GetSubsidiaryNameAsync(m, -1));
        pty.Fails(Errno.EINVAL, pty.Posix.GetSubsidiaryNameAsync(m, int.MinValue));
        pty.Fails(Errno.ERANGE, pty.Posix.GetSubsidiaryNameAsync(m, 0));
        pty.Fails(Errno.ERANGE, pty.Posix.GetSubsidiaryNameAsync(m, 10));
        Assert.Equal("/dev/pts/1", pty.Settle(pty.Posix.GetSubsidiaryNameAsync(m, 11)).Text);
        pty.Fails(Errno.EINVAL, pty.Posix.GetSubsidiaryNameAsync(s, 32)); // not a manager
        pty.Fails(Errno.EINVAL, pty.Posix.GetSubsidiaryNameAsync(-5, (int?)null)); // a null buffer is checked first
    }

    [Fact]
    public void L15_write_on_the_subsidiary_after_the_manager_close_fails_eio_and_read_returns_0()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Close(m);
        pty.Fails(Errno.EIO, pty.Posix.WriteAsync(s, Bytes.Of("x")));
        Assert.Equal(0, pty.Ok(pty.Posix.ReadAsync(s, new byte[4])));
    }

    [Fact]
    public void L13_read_on_the_manager_at_the_subsidiary_last_close_returns_0_once()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        pty.Close(s);
        Assert.Equal(0, pty.Ok(pty.Posix.ReadAsync(m, new byte[4])));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[4]));
    }

    [Fact]
    public void D19_nonblocking_read_on_the_manager_with_nothing_queued_fails_eagain()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager(OpenFlags.NonBlock);
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[4]));
    }

    [Fact]
    public void D9_write_on_the_manager_while_locked_makes_later_writes_fail_einval_and_poll_pollerr()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Write(m, "x");
        pty.Fails(Errno.EINVAL, pty.Posix.WriteAsync(m, Bytes.Of("x")));
        Assert.Equal(PollEvents.POLLERR, pty.Poll(m));
    }

    [Fact]
    public void L12_closing_a_descriptor_twice_fails_ebadf_the_second_time()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Close(s);
        pty.Fails(Errno.EBADF, pty.Posix.CloseAsync(s));
        pty.Close(m);
        pty.Fails(Errno.EBADF, pty.Posix.CloseAsync(m));
        Assert.Equal(0, pty.System.AllocatedMinors);
    }

    [Fact]
    public void L13_a_manager_never_polls_pollhup()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Write(s, "x");
        pty.Close(s);
        Assert.Equal(PollEvents.POLLIN | PollEvents.POLLOUT, pty.Poll(m));
        pty.ReadText(m);
        Assert.Equal(PollEvents.POLLIN | PollEvents.POLLOUT, pty.Poll(m)); // the EOF message still counts
        pty.Read(m);
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(m));
    }
}
