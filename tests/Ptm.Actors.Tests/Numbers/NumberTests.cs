using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Races;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Numbers;

/// <summary>Section 5: the numbers a caller passes or runs into (N2, N3, N10, N14).</summary>
public class NumberTests
{
    [Fact]
    public void Terminal_ioctls_the_spec_language_names_have_their_illumos_numbers()
    {
        // sys/termios.h: tIOC is 't' << 8, TIOC is 'T' << 8 (D7, D8 forward them on a bare pair).
        foreach (var (name, number) in new[] { ("TIOCGWINSZ", 0x7468), ("TIOCSWINSZ", 0x7467), ("TIOCSTI", 0x7472), ("TCGETS", 0x540d), ("TCSBRK", 0x5405) })
        {
            Assert.True(IoctlCommands.TryParse(name, out var parsed), name);
            Assert.Equal(number, parsed);
        }
        Assert.Equal(0x7468, IoctlCommands.TIOCGWINSZ);
        Assert.Equal(0x7467, IoctlCommands.TIOCSWINSZ);
    }

    [Fact]
    public void N10_the_driver_ioctls_answer_to_their_illumos_numbers()
    {
        Assert.Equal(
            [0x5001, 0x5002, 0x5003, 0x5004, 0x5005],
            new[] { IoctlCommands.ISPTM, IoctlCommands.UNLKPT, IoctlCommands.PTSSTTY, IoctlCommands.ZONEPT, IoctlCommands.OWNERPT });

        // A caller that passes the raw numbers, as a C program would, gets the same answers.
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        Assert.Equal(0L, pty.Ok(pty.Posix.IoctlAsync(m, 0x5001))); // ISPTM
        Assert.Equal(0L, pty.Ok(pty.Posix.IoctlAsync(m, 0x5005, EntryUpdateRaceTests.OwnerPayload(0, 7)))); // OWNERPT
        Assert.Equal("uid=0 gid=7 mode=0620", pty.Settle(pty.Posix.StatAsync(pty.PathOf(m))).Text);
        Assert.Equal(0L, pty.Ok(pty.Posix.IoctlAsync(m, 0x5002))); // UNLKPT
        var s = pty.OpenSubsidiary(pty.PathOf(m));
        Assert.Equal(0L, pty.Ok(pty.Posix.IoctlAsync(s, 0x5003))); // PTSSTTY
        pty.Fails(Errno.EEXIST, pty.Posix.IoctlAsync(s, 0x5003));
        Assert.Equal(0L, pty.Ok(pty.Posix.IoctlAsync(m, 0x5004, EntryUpdateRaceTests.ZonePayload(0)))); // ZONEPT
        pty.CloseAllAndCheckClean(s, m);
    }

    [Fact]
    public void N14_flush_flags_have_their_illumos_values()
    {
        Assert.Equal(0x01, (int)FlushFlags.FLUSHR);
        Assert.Equal(0x02, (int)FlushFlags.FLUSHW);
        Assert.Equal(0x03, (int)FlushFlags.FLUSHRW);
        Assert.Equal(0x04, (int)FlushFlags.FLUSHBAND);

        // The raw value 0x01 (FLUSHR) on the subsidiary empties its own read side only (D5).
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Write(m, "to the subsidiary");
        pty.Write(s, "to the manager");
        pty.Ok(pty.Posix.DiscardAsync(s, (FlushFlags)0x01));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(s, new byte[64]));
        Assert.Equal("to the manager", pty.ReadText(m));
        pty.CloseAllAndCheckClean(s, m);
    }

    [Fact]
    public void N2_and_N3_the_memory_derived_maximum_refuses_ptys_with_enomem_unless_pt_cnt_is_higher()
    {
        using (var pty = new DeterministicPty(options: new PtySystemOptions { MemoryDerivedMaximum = 2 }))
        {
            var first = pty.OpenManager();
            var second = pty.OpenManager();
            pty.Fails(Errno.ENOMEM, pty.Posix.OpenManagerAsync(OpenFlags.None));
            pty.CloseAllAndCheckClean(first, second);
        }

        // Below pt_cnt an allocation is always attempted, whatever the maximum says.
        using (var pty = new DeterministicPty(options: new PtySystemOptions { MemoryDerivedMaximum = 2, MinimumPtys = 3 }))
        {
            var managers = new[] { pty.OpenManager(), pty.OpenManager(), pty.OpenManager() };
            pty.Fails(Errno.ENOMEM, pty.Posix.OpenManagerAsync(OpenFlags.None));
            pty.CloseAllAndCheckClean(managers);
        }
    }
}
