using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Errnos;

/// <summary>The open rows of the errno table (section 3.3).</summary>
public class OpenErrnoTests
{
    [Fact]
    public void L2_6_and_PD2_open_of_ptmx_when_no_pty_can_be_allocated_fails_enomem()
    {
        using var pty = new DeterministicPty();
        pty.Ok(pty.Posix.TuneAsync("pt_max_pty", 1));
        pty.OpenManager();
        pty.Fails(Errno.ENOMEM, pty.Posix.OpenManagerAsync(OpenFlags.None));
        pty.Ok(pty.Posix.TuneAsync("pt_max_pty", 0));
        pty.OpenManager();
    }

    [Fact]
    public void L8_open_of_pts_n_not_allocated_or_in_another_zone_fails_enoent()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Ok(pty.Posix.UnlockAsync(m));
        pty.Fails(Errno.ENOENT, pty.Posix.OpenAsync("/dev/pts/2"));
        pty.Fails(Errno.ENOENT, pty.Posix.OpenAsync("/dev/pts/1", OpenFlags.None, new Credentials(0, 0, zone: 3, privileged: true)));
    }

    [Fact]
    public void L8_open_by_a_non_root_caller_before_grantpt_fails_eacces()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Ok(pty.Posix.UnlockAsync(m));
        pty.Fails(Errno.EACCES, pty.Posix.OpenAsync(pty.PathOf(m), OpenFlags.None, new Credentials(1000, 1000)));
    }

    [Fact]
    public void L7_2_open_of_pts_0_fails_enxio()
    {
        using var pty = new DeterministicPty();
        pty.Fails(Errno.ENXIO, pty.Posix.OpenAsync("/dev/pts/0"));
    }

    [Fact]
    public void L6_and_L7_5_open_of_pts_n_while_locked_fails_eagain()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Ok(pty.Posix.GrantAsync(m));
        pty.Fails(Errno.EAGAIN, pty.Posix.OpenAsync(pty.PathOf(m)));
        pty.Fails(Errno.EAGAIN, pty.Posix.OpenAsync(pty.PathOf(m), OpenFlags.NonBlock));
    }

    [Theory]
    [InlineData("/dev/tty")]
    [InlineData("/dev/pts/")]
    [InlineData("/dev/pts/01")]
    [InlineData("/dev/pts/-1")]
    [InlineData("/dev/pts/1x")]
    [InlineData("/dev/pts/12345678901")]
    [InlineData("")]
    [InlineData("/dev/ptmx/1")]
    public void L8_open_of_an_unknown_path_fails_enoent(string path)
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Ok(pty.Posix.UnlockAsync(m));
        pty.Fails(Errno.ENOENT, pty.Posix.OpenAsync(path));
        Assert.Throws<ArgumentNullException>(() => { _ = pty.Posix.OpenAsync(null!); });
    }

    [Fact]
    public void L8_a_failed_open_allocates_no_minor_and_leaves_no_usable_descriptor()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        var attempt = pty.Posix.OpenAsync(pty.PathOf(m));
        Assert.Equal(Errno.EAGAIN, pty.Settle(attempt).Errno);
        Assert.Equal(1, pty.System.AllocatedMinors);
        pty.Close(m);
        Assert.Equal(0, pty.System.AllocatedMinors);
    }
}
