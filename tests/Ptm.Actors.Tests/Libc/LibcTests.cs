using Ptm.Actors.Tests.Support;
using Ptm.Actors.Tests.Races;

namespace Ptm.Actors.Tests.Libc;

/// <summary>Section 3.2: posix_openpt, grantpt, unlockpt, ptsname, ptsname_r, isatty (C1, C2, C3, C4, C5, C6, C10, C11, L19, L20).</summary>
public sealed class LibcTests : IDisposable
{
    private readonly DeterministicPty _pty = new(3);

    public void Dispose() => _pty.Dispose();

    [Fact]
    public void C1_posix_openpt_opens_a_manager_on_the_lowest_free_minor_without_checking_oflag()
    {
        var first = _pty.OpenManager(OpenFlags.NoCtty);
        var second = _pty.OpenManager(OpenFlags.NonBlock | OpenFlags.NDelay | OpenFlags.NoCtty);
        Assert.Equal("/dev/pts/1", _pty.PathOf(first)); // C11: N >= 1, decimal
        Assert.Equal("/dev/pts/2", _pty.PathOf(second));
        Assert.Equal(0, _pty.Settle(_pty.Posix.IoctlAsync(second, IoctlCommands.ISPTM)).Value);
        _pty.Settle(_pty.Posix.CloseAsync(first));
        var third = _pty.OpenManager();
        Assert.Equal("/dev/pts/1", _pty.PathOf(third)); // PD1: the freed minor comes back first
        _pty.CloseAllAndCheckClean(second, third);
    }

    [Fact]
    public void C1_posix_openpt_fails_ENOMEM_when_no_pty_can_be_allocated()
    {
        using var pty = new DeterministicPty(3, new PtySystemOptions { MaxPtys = 1 });
        var only = pty.OpenManager();
        Assert.Equal(Errno.ENOMEM, pty.Settle(pty.Posix.OpenManagerAsync(OpenFlags.None)).Errno); // L2.6, N3, PD2
        pty.CloseAllAndCheckClean(only);
    }

    [Fact]
    public void C3_ptsname_r_with_a_null_buffer_fails_EINVAL_even_on_a_closed_descriptor()
    {
        var manager = _pty.OpenManager();
        Assert.Equal(Errno.EINVAL, _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager, (int?)null)).Errno);
        _pty.CloseAllAndCheckClean(manager);
        Assert.Equal(Errno.EINVAL, _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager, (int?)null)).Errno);
    }

    [Fact]
    public void C3_ptsname_r_fails_ERANGE_when_the_name_and_its_terminator_do_not_fit()
    {
        var manager = _pty.OpenManager();
        Assert.Equal(Errno.ERANGE, _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager, 10)).Errno); // "/dev/pts/1" is 10 characters
        Assert.Equal(Errno.ERANGE, _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager, 0)).Errno);
        Assert.Equal("/dev/pts/1", _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager, 11)).Text);
        _pty.CloseAllAndCheckClean(manager);
    }

    [Fact]
    public void C2_C3_C4_C5_C6_ptsname_ptsname_r_grantpt_and_unlockpt_on_a_closed_descriptor_fail_EBADF()
    {
        var manager = _pty.OpenManager();
        _pty.CloseAllAndCheckClean(manager);
        Assert.Equal(Errno.EBADF, _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager)).Errno);
        Assert.Equal(Errno.EBADF, _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager, 32)).Errno);
        Assert.Equal(Errno.EBADF, _pty.Settle(_pty.Posix.GrantAsync(manager)).Errno);
        Assert.Equal(Errno.EBADF, _pty.Settle(_pty.Posix.UnlockAsync(manager)).Errno);
        Assert.Equal(Errno.EBADF, _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(12345)).Errno); // never opened
    }

    [Fact]
    public void C2_C3_C5_C6_the_manager_calls_on_a_subsidiary_fail_EINVAL()
    {
        var (manager, subsidiary) = _pty.OpenPair();
        Assert.Equal(Errno.EINVAL, _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(subsidiary)).Errno);
        Assert.Equal(Errno.EINVAL, _pty.Settle(_pty.Posix.GrantAsync(subsidiary)).Errno);
        Assert.Equal(Errno.EINVAL, _pty.Settle(_pty.Posix.UnlockAsync(subsidiary)).Errno);
        _pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    [Fact]
    public void C3_ptsname_from_a_zone_that_cannot_see_the_pty_fails_ENOENT()
    {
        var manager = _pty.OpenManager();
        Assert.True(_pty.Settle(_pty.Posix.IoctlAsync(manager, IoctlCommands.ZONEPT, EntryUpdateRaceTests.ZonePayload(4))).IsOk);
        Assert.Equal(Errno.ENOENT, _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager)).Errno); // the access() lookup (L8)
        Assert.Equal("/dev/pts/1", _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager, new Credentials(0, 0, zone: 4))).Text);
        _pty.CloseAllAndCheckClean(manager);
    }

    [Fact]
    public void C4_two_managers_have_different_names_and_ptsname_fits_PTLEN()
    {
        var first = _pty.OpenManager();
        var second = _pty.OpenManager();
        var a = _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(first)).Text;
        var b = _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(second)).Text;
        Assert.NotEqual(a, b);
        Assert.Equal("/dev/pts/1", a);
        Assert.Equal(32, PosixApi.PtsnameBufferLength);
        _pty.CloseAllAndCheckClean(first, second);
    }

    [Fact]
    public void C6_grantpt_gives_the_node_to_the_callers_real_uid_and_group_tty_with_mode_0620()
    {
        var user = new Credentials(1000, 50);
        var manager = _pty.OpenManager(who: user);
        var name = _pty.PathOf(manager);
        Assert.Equal("uid=0 gid=0 mode=0620", _pty.Settle(_pty.Posix.StatAsync(name)).Text); // before grantpt: root:root
        Assert.True(_pty.Settle(_pty.Posix.GrantAsync(manager, user)).IsOk);
        Assert.Equal("uid=1000 gid=7 mode=0620", _pty.Settle(_pty.Posix.StatAsync(name)).Text); // PD12: tty is gid 7, not the caller's gid
        _pty.CloseAllAndCheckClean(manager);
    }

    [Fact]
    public void C5_unlockpt_lets_the_subsidiary_open()
    {
        var manager = _pty.OpenManager();
        var name = _pty.PathOf(manager);
        Assert.Equal(Errno.EAGAIN, _pty.Settle(_pty.Posix.OpenAsync(name)).Errno);
        Assert.Equal(0, _pty.Settle(_pty.Posix.UnlockAsync(manager)).Value);
        var subsidiary = _pty.OpenSubsidiary(name);
        _pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    [Fact]
    public void C10_the_canonical_sequence_gives_a_working_pair()
    {
        var manager = _pty.OpenManager(OpenFlags.NoCtty | OpenFlags.NonBlock);
        Assert.True(_pty.Settle(_pty.Posix.GrantAsync(manager)).IsOk);
        Assert.True(_pty.Settle(_pty.Posix.UnlockAsync(manager)).IsOk);
        var name = _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager)).Text!;
        var subsidiary = _pty.OpenSubsidiary(name, OpenFlags.NoCtty | OpenFlags.NonBlock);
        Assert.Equal(5, _pty.Settle(_pty.StartWrite(manager, "hello")).Value);
        Assert.Equal("hello", _pty.ReadNow(subsidiary));
        Assert.Equal(5, _pty.Settle(_pty.StartWrite(subsidiary, "world")).Value);
        Assert.Equal("world", _pty.ReadNow(manager));
        _pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    [Theory]
    [InlineData("/dev/pts/01")]
    [InlineData("/dev/pts/")]
    [InlineData("/dev/pts/x1")]
    [InlineData("/dev/pts/-1")]
    [InlineData("/dev/pts/1/")]
    [InlineData("/dev/tty1")]
    [InlineData("/dev/pts/9999999999")]
    public void C11_names_other_than_dev_pts_N_in_decimal_do_not_exist(string path)
    {
        var manager = _pty.OpenUnlockedManager();
        Assert.Equal(Errno.ENOENT, _pty.Settle(_pty.Posix.OpenAsync(path)).Errno);
        Assert.Equal(Errno.ENOENT, _pty.Settle(_pty.Posix.StatAsync(path)).Errno);
        _pty.CloseAllAndCheckClean(manager);
    }

    [Fact]
    public void L19_L20_isatty_is_0_on_a_manager_on_a_bare_subsidiary_and_on_a_closed_descriptor()
    {
        var (manager, subsidiary) = _pty.OpenPair();
        Assert.Equal(0, _pty.Settle(_pty.Posix.IsTerminalAsync(manager)).Value);
        Assert.Equal(0, _pty.Settle(_pty.Posix.IsTerminalAsync(subsidiary)).Value);
        _pty.CloseAllAndCheckClean(subsidiary, manager);
        Assert.Equal(0, _pty.Settle(_pty.Posix.IsTerminalAsync(manager)).Value);
    }
}
