using Ptm.Actors.Tests.Support;
using Ptm.Actors.Tests.Races;

namespace Ptm.Actors.Tests.Ioctl;

/// <summary>Section 3.1: the five ioctls the drivers answer themselves (I1, I2, I3, I4, I5, I8).</summary>
public sealed class DriverIoctlTests : IDisposable
{
    private readonly DeterministicPty _pty = new(1);

    public void Dispose() => _pty.Dispose();

    private SysResultAssert Ioctl(int fd, int command, byte[]? payload = null, Credentials? who = null) =>
        new(_pty.Settle(_pty.Posix.IoctlAsync(fd, command, payload is null ? null : payload, who)));

    [Fact]
    public void I1_ISPTM_on_a_manager_answers_0_locked_unlocked_with_and_after_a_subsidiary()
    {
        var manager = _pty.OpenManager();
        Ioctl(manager, IoctlCommands.ISPTM).IsOk(0);
        _pty.Settle(_pty.Posix.UnlockAsync(manager));
        Ioctl(manager, IoctlCommands.ISPTM).IsOk(0);
        var subsidiary = _pty.OpenSubsidiary(_pty.PathOf(manager));
        Ioctl(manager, IoctlCommands.ISPTM).IsOk(0);
        _pty.Settle(_pty.Posix.CloseAsync(subsidiary));
        Ioctl(manager, IoctlCommands.ISPTM).IsOk(0);
        Ioctl(manager, IoctlCommands.ISPTM, []).IsOk(0); // I8: either form
        _pty.CloseAllAndCheckClean(manager);
    }

    [Fact]
    public void I1_ISPTM_on_a_subsidiary_fails_EINVAL()
    {
        var (manager, subsidiary) = _pty.OpenPair();
        Ioctl(subsidiary, IoctlCommands.ISPTM).Fails(Errno.EINVAL);
        _pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    [Fact]
    public void I2_UNLKPT_is_idempotent_succeeds_with_the_subsidiary_open_and_never_locks_again()
    {
        var manager = _pty.OpenManager();
        var name = _pty.PathOf(manager);
        Assert.Equal(Errno.EAGAIN, _pty.Settle(_pty.Posix.OpenAsync(name)).Errno); // L6: locked
        Ioctl(manager, IoctlCommands.UNLKPT).IsOk(0); // I8: transparent works
        Ioctl(manager, IoctlCommands.UNLKPT, []).IsOk(0);
        var subsidiary = _pty.OpenSubsidiary(name);
        Ioctl(manager, IoctlCommands.UNLKPT).IsOk(0);
        _pty.Settle(_pty.Posix.CloseAsync(subsidiary));
        var again = _pty.OpenSubsidiary(name); // still unlocked after the subsidiary's last close
        _pty.CloseAllAndCheckClean(again, manager);
    }

    [Fact]
    public void I3_PTSSTTY_on_the_subsidiary_fails_EEXIST_the_second_time()
    {
        var (manager, subsidiary) = _pty.OpenPair();
        Ioctl(subsidiary, IoctlCommands.PTSSTTY).IsOk(0);
        Ioctl(subsidiary, IoctlCommands.PTSSTTY).Fails(Errno.EEXIST);
        _pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    [Fact]
    public void I3_PTSSTTY_is_cleared_by_the_subsidiarys_last_close_only()
    {
        var (manager, first) = _pty.OpenPair();
        var name = _pty.PathOf(manager);
        var second = _pty.OpenSubsidiary(name); // L9: joins the same stream
        Ioctl(first, IoctlCommands.PTSSTTY).IsOk(0);
        _pty.Settle(_pty.Posix.CloseAsync(first)); // not the last close
        Ioctl(second, IoctlCommands.PTSSTTY).Fails(Errno.EEXIST);
        _pty.Settle(_pty.Posix.CloseAsync(second)); // last close: L12.4 clears PTSTTY
        var third = _pty.OpenSubsidiary(name);
        Ioctl(third, IoctlCommands.PTSSTTY).IsOk(0);
        _pty.CloseAllAndCheckClean(third, manager);
    }

    [Fact]
    public void I3_PTSSTTY_on_the_manager_always_answers_0_and_sets_the_bit_the_subsidiary_sees()
    {
        var manager = _pty.OpenUnlockedManager();
        Ioctl(manager, IoctlCommands.PTSSTTY).IsOk(0);
        Ioctl(manager, IoctlCommands.PTSSTTY).IsOk(0);
        var subsidiary = _pty.OpenSubsidiary(_pty.PathOf(manager));
        Ioctl(subsidiary, IoctlCommands.PTSSTTY).Fails(Errno.EEXIST);
        _pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    [Fact]
    public void I4_ZONEPT_without_privilege_fails_EPERM_before_looking_at_the_payload()
    {
        var manager = _pty.OpenManager();
        var user = new Credentials(0, 0, zone: 0, privileged: false); // uid 0 is not the privilege (PD12)
        Ioctl(manager, IoctlCommands.ZONEPT, EntryUpdateRaceTests.ZonePayload(3), user).Fails(Errno.EPERM);
        Ioctl(manager, IoctlCommands.ZONEPT, null, user).Fails(Errno.EPERM);
        Assert.Equal("uid=0 gid=0 mode=0620", _pty.Settle(_pty.Posix.StatAsync(_pty.PathOf(manager))).Text); // zone unchanged
        _pty.CloseAllAndCheckClean(manager);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10000)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void I4_ZONEPT_outside_0_to_9999_fails_EINVAL(int zone)
    {
        var manager = _pty.OpenManager();
        Ioctl(manager, IoctlCommands.ZONEPT, EntryUpdateRaceTests.ZonePayload(zone)).Fails(Errno.EINVAL);
        Assert.True(_pty.Settle(_pty.Posix.StatAsync(_pty.PathOf(manager))).IsOk, "the zone must not have changed");
        _pty.CloseAllAndCheckClean(manager);
    }

    [Fact]
    public void I4_ZONEPT_with_an_I_STR_zone_moves_the_pty_to_that_zone()
    {
        var manager = _pty.OpenUnlockedManager();
        var name = _pty.PathOf(manager);
        Ioctl(manager, IoctlCommands.ZONEPT, EntryUpdateRaceTests.ZonePayload(9999)).IsOk(0);
        var zone9999 = new Credentials(0, 0, zone: 9999, privileged: true);
        Assert.Equal(Errno.ENOENT, _pty.Settle(_pty.Posix.StatAsync(name)).Errno); // L8: invisible from zone 0
        Assert.True(_pty.Settle(_pty.Posix.StatAsync(name, zone9999)).IsOk);
        var subsidiary = _pty.OpenSubsidiary(name, who: zone9999);
        Ioctl(manager, IoctlCommands.ZONEPT, EntryUpdateRaceTests.ZonePayload(0)).IsOk(0); // 0 is in range
        _pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    [Fact]
    public void I5_OWNERPT_needs_no_privilege_and_sets_the_nodes_owner()
    {
        var manager = _pty.OpenManager();
        var user = new Credentials(500, 500);
        Ioctl(manager, IoctlCommands.OWNERPT, EntryUpdateRaceTests.OwnerPayload(1234, 55), user).IsOk(0);
        Assert.Equal("uid=1234 gid=55 mode=0620", _pty.Settle(_pty.Posix.StatAsync(_pty.PathOf(manager))).Text);
        Ioctl(manager, IoctlCommands.OWNERPT, EntryUpdateRaceTests.OwnerPayload((uint)Credentials.MaxId, (uint)Credentials.MaxId)).IsOk(0);
        Assert.Equal($"uid={Credentials.MaxId} gid={Credentials.MaxId} mode=0620", _pty.Settle(_pty.Posix.StatAsync(_pty.PathOf(manager))).Text);
        _pty.CloseAllAndCheckClean(manager);
    }

    [Theory]
    [InlineData(0x80000000u, 0u)]
    [InlineData(0u, 0x80000000u)]
    [InlineData(0xFFFFFFFFu, 0xFFFFFFFFu)]
    public void I5_OWNERPT_with_a_uid_or_gid_above_MAXUID_fails_EINVAL(uint uid, uint gid)
    {
        var manager = _pty.OpenManager();
        Ioctl(manager, IoctlCommands.OWNERPT, EntryUpdateRaceTests.OwnerPayload(uid, gid)).Fails(Errno.EINVAL);
        Assert.Equal("uid=0 gid=0 mode=0620", _pty.Settle(_pty.Posix.StatAsync(_pty.PathOf(manager))).Text); // unchanged
        _pty.CloseAllAndCheckClean(manager);
    }
}

/// <summary>Fluent checks of one call's result.</summary>
internal readonly record struct SysResultAssert(SysResult Result)
{
    public void IsOk(long value)
    {
        Assert.True(Result.IsOk, $"expected ok {value}, got {Result}");
        Assert.Equal(value, Result.Value);
    }

    public void Fails(Errno errno) => Assert.True(!Result.IsOk && Result.Errno == errno, $"expected {errno}, got {Result}");
}
