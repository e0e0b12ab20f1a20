using Ptm.Actors.Tests.Support;
using Ptm.Actors.Tests.Races;

namespace Ptm.Actors.Tests.Ioctl;

/// <summary>I6, I7, I8, D2, D7, D8, PD6: ioctls the drivers do not answer, and malformed ones.</summary>
public sealed class ForwardedAndBadIoctlTests : IDisposable
{
    private const int TIOCGWINSZ = IoctlCommands.TIOCGWINSZ;
    private readonly DeterministicPty _pty = new(2, recordTrace: true);

    public void Dispose() => _pty.Dispose();

    private SysResult Ioctl(int fd, int command, byte[]? payload = null) =>
        _pty.Settle(_pty.Posix.IoctlAsync(fd, command, payload is null ? null : payload));

    [Fact]
    public void D2_an_unknown_manager_ioctl_is_NAKed_EINVAL_at_once_while_locked_or_without_a_subsidiary()
    {
        var manager = _pty.OpenManager();
        _pty.BeginRace();
        Assert.Equal(Errno.EINVAL, Ioctl(manager, TIOCGWINSZ).Errno); // locked
        _pty.Settle(_pty.Posix.UnlockAsync(manager));
        Assert.Equal(Errno.EINVAL, Ioctl(manager, TIOCGWINSZ).Errno); // unlocked, no subsidiary
        Assert.DoesNotContain(_pty.RaceTrace, e => TraceChecks.MessageOf(e) == "IoctlMessage"); // never forwarded
        _pty.CloseAllAndCheckClean(manager);
    }

    [Fact]
    public void I6_D7_an_unknown_manager_ioctl_is_forwarded_to_the_subsidiary_and_NAKed_EINVAL()
    {
        var (manager, subsidiary) = _pty.OpenPair();
        _pty.BeginRace();
        Assert.Equal(Errno.EINVAL, Ioctl(manager, TIOCGWINSZ).Errno);
        Assert.Contains(_pty.RaceTrace, e => TraceChecks.ActorOf(e).StartsWith(TraceChecks.Subsidiary, StringComparison.Ordinal) && TraceChecks.MessageOf(e) == "IoctlMessage");
        _pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    [Fact]
    public void I7_D8_an_unknown_subsidiary_ioctl_is_forwarded_to_the_manager_and_NAKed_EINVAL()
    {
        var (manager, subsidiary) = _pty.OpenPair();
        _pty.BeginRace();
        Assert.Equal(Errno.EINVAL, Ioctl(subsidiary, 0x540d /* TCGETS */).Errno);
        Assert.Contains(_pty.RaceTrace, e => TraceChecks.ActorOf(e).StartsWith(TraceChecks.Manager, StringComparison.Ordinal) && TraceChecks.MessageOf(e) == "IoctlMessage");
        // ZONEPT, OWNERPT, UNLKPT, ISPTM mean nothing to pts: forwarded too, and NAKed by the manager's stream head.
        Assert.Equal(Errno.EINVAL, Ioctl(subsidiary, IoctlCommands.UNLKPT).Errno);
        Assert.Equal(Errno.EINVAL, Ioctl(subsidiary, IoctlCommands.ZONEPT, EntryUpdateRaceTests.ZonePayload(1)).Errno);
        Assert.Equal(Errno.EINVAL, Ioctl(subsidiary, IoctlCommands.OWNERPT, EntryUpdateRaceTests.OwnerPayload(1, 1)).Errno);
        Assert.Equal("uid=0 gid=7 mode=0620", _pty.Settle(_pty.Posix.StatAsync(_pty.PathOf(manager))).Text); // nothing changed
        _pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    [Fact]
    public void PD6_every_ioctl_on_a_hung_up_subsidiary_fails_ENXIO()
    {
        var (manager, subsidiary) = _pty.OpenPair();
        _pty.Settle(_pty.Posix.CloseAsync(manager));
        foreach (var command in new[] { TIOCGWINSZ, IoctlCommands.PTSSTTY, IoctlCommands.ISPTM, IoctlCommands.UNLKPT })
            Assert.Equal(Errno.ENXIO, Ioctl(subsidiary, command).Errno);
        Assert.Equal(Errno.EIO, _pty.Settle(_pty.StartWrite(subsidiary, "x")).Errno); // L15
        _pty.CloseAllAndCheckClean(subsidiary);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(0x5000)]
    [InlineData(0x5006)]
    public void Unknown_ioctl_numbers_give_EINVAL_on_both_sides_without_an_exception(int command)
    {
        var (manager, subsidiary) = _pty.OpenPair();
        Assert.Equal(Errno.EINVAL, Ioctl(manager, command).Errno);
        Assert.Equal(Errno.EINVAL, Ioctl(subsidiary, command).Errno);
        Assert.Equal(Errno.EINVAL, Ioctl(manager, command, [1, 2, 3]).Errno);
        _pty.CloseAllAndCheckClean(subsidiary, manager);
    }

    [Fact]
    public void Unknown_ioctl_names_map_to_numbers_nothing_handles_and_malformed_names_are_refused()
    {
        Assert.True(IoctlCommands.TryParse("NOT_AN_IOCTL", out var unknown));
        Assert.False(IoctlCommands.TryParse("", out _));
        Assert.False(IoctlCommands.TryParse("lower case", out _));
        Assert.False(IoctlCommands.TryParse("BAD-NAME", out _));
        var manager = _pty.OpenManager();
        Assert.Equal(Errno.EINVAL, Ioctl(manager, unknown).Errno);
        _pty.CloseAllAndCheckClean(manager);
    }

    public static TheoryData<int, byte[]?> MalformedPayloads => new()
    {
        { IoctlCommands.ZONEPT, null }, // transparent (I8)
        { IoctlCommands.ZONEPT, [] },
        { IoctlCommands.ZONEPT, [1, 0, 0] }, // shorter than a zoneid_t
        { IoctlCommands.OWNERPT, null },
        { IoctlCommands.OWNERPT, [] },
        { IoctlCommands.OWNERPT, [1, 0, 0, 0, 1, 0, 0] }, // shorter than a pt_own_t
    };

    [Theory]
    [MemberData(nameof(MalformedPayloads))]
    public void I8_ZONEPT_and_OWNERPT_sent_transparently_or_with_a_short_payload_fail_EINVAL(int command, byte[]? payload)
    {
        var manager = _pty.OpenManager();
        Assert.Equal(Errno.EINVAL, Ioctl(manager, command, payload).Errno);
        Assert.Equal("uid=0 gid=0 mode=0620", _pty.Settle(_pty.Posix.StatAsync(_pty.PathOf(manager))).Text); // nothing changed
        _pty.CloseAllAndCheckClean(manager);
    }

    [Fact]
    public void I8_a_longer_I_STR_payload_is_accepted_and_only_its_first_bytes_count()
    {
        var manager = _pty.OpenManager();
        Assert.True(Ioctl(manager, IoctlCommands.OWNERPT, [7, 0, 0, 0, 8, 0, 0, 0, 0xff, 0xff]).IsOk);
        Assert.Equal("uid=7 gid=8 mode=0620", _pty.Settle(_pty.Posix.StatAsync(_pty.PathOf(manager))).Text);
        _pty.CloseAllAndCheckClean(manager);
    }
    [Fact]
    public void Calls_on_descriptors_that_were_never_opened_or_with_bad_arguments_fail_with_an_errno_not_an_exception()
    {
        Assert.Equal(Errno.EBADF, _pty.Settle(_pty.Posix.IoctlAsync(999, IoctlCommands.ISPTM)).Errno);
        Assert.Equal(Errno.EBADF, _pty.Settle(_pty.Posix.IoctlAsync(-1, IoctlCommands.ZONEPT, null)).Errno);
        var manager = _pty.OpenManager();
        Assert.Equal(Errno.EINVAL, _pty.Settle(_pty.Posix.GetSubsidiaryNameAsync(manager, -1)).Errno);
        Assert.Equal(Errno.EINVAL, _pty.Settle(_pty.Posix.DiscardAsync(manager, (FlushFlags)0x40)).Errno);
        Assert.Equal(Errno.ENOENT, _pty.Settle(_pty.Posix.OpenAsync("/dev/nonsense")).Errno);
        _pty.CloseAllAndCheckClean(manager);
    }
}
