using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Tests.Support;
using Ptm.Actors.Pty;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Races;

/// <summary>R12 (opens while the slot table grows) and R13 (messages from a replaced or dead peer are harmless, PD5).</summary>
public sealed class TableAndStalePeerRaceTests(ITestOutputHelper output)
{
    private const int Opens = 66; // with the two ptys already open: 68 slots, past 16, 32 and 64

    [Fact]
    public void R12_many_opens_while_the_table_grows_past_16_32_and_64_get_distinct_lowest_free_minors()
    {
        SeedSweep.Run(output, "R12", pty =>
        {
            var (manager1, subsidiary1) = pty.OpenPair();
            var manager2 = pty.OpenUnlockedManager();
            pty.BeginRace();
            var opens = new Task<SysResult>[Opens];
            for (var i = 0; i < Opens; i++)
            {
                opens[i] = pty.Posix.OpenManagerAsync(OpenFlags.None);
            }
            var join = pty.Posix.OpenAsync(pty.PathOf(manager1));
            var stat = pty.Posix.StatAsync(pty.PathOf(manager2));
            var missing = pty.Posix.OpenAsync("/dev/pts/" + (Opens + 3));
            pty.Settle();

            var minors = new HashSet<int>();
            var descriptors = new List<int>();
            foreach (var open in opens)
            {
                var result = pty.Done(open, "posix_openpt");
                Assert.True(result.IsOk, pty.At($"posix_openpt gave {result}"));
                descriptors.Add((int)result.Value);
                var name = pty.PathOf((int)result.Value);
                Assert.True(minors.Add(int.Parse(name["/dev/pts/".Length..])), pty.At($"{name} handed out twice (R12)"));
            }
            Assert.Equal(Enumerable.Range(3, Opens).ToHashSet(), minors); // PD1: lowest free, minors 1 and 2 taken
            Assert.True(pty.Done(join, "second subsidiary open").IsOk, pty.At("join during growth"));
            Assert.Equal("uid=0 gid=7 mode=0620", pty.Done(stat, "stat").Text);
            // Its open was queued behind all the allocations: by then minor 73 did not exist (L8).
            Assert.Equal(Errno.ENOENT, pty.Done(missing, "open of an unallocated minor").Errno);
            Assert.Equal(Opens + 2, pty.System.AllocatedMinors);
            // Closing 70 descriptors costs as much as opening them: the leak check (L16) runs on every tenth seed.
            if (pty.Seed % 10 != 0) return;
            descriptors.AddRange([(int)pty.Done(join).Value, subsidiary1, manager1, manager2]);
            pty.CloseAllAndCheckClean(descriptors.ToArray());
        });
    }

    [Fact]
    public void R13_a_subsidiary_reopened_while_the_old_ones_messages_are_in_flight_never_sees_old_data()
    {
        SeedSweep.Run(output, "R13", pty => ReopenWhileOldMessagesAreInFlight(pty, crash: false));
    }

    [Fact]
    public void R13_a_subsidiary_reopened_after_the_old_one_crashed_connects_and_never_sees_old_data()
    {
        SeedSweep.Run(output, "R13 (crash)", pty => ReopenWhileOldMessagesAreInFlight(pty, crash: true));
    }

    private static void ReopenWhileOldMessagesAreInFlight(DeterministicPty pty, bool crash)
    {
        var (manager, old) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var name = pty.PathOf(manager);
        // Old output fills the subsidiary's read queue and waits on ptm's write queue (D13, D14).
        var filled = pty.Settle(pty.Posix.WriteAsync(manager, Enumerable.Repeat((byte)'o', 3000).ToArray()));
        Assert.True(filled.IsOk && filled.Value > 2048, pty.At($"filling write gave {filled}"));
        pty.BeginRace();
        Task<SysResult>? read = null;
        if (crash) Assert.True(pty.Posix.CrashAsync(old).Result.IsOk, pty.At("crash"));
        else
        {
            read = pty.Posix.ReadAsync(old, new byte[4096]); // drains, so a Credit heads for the manager as the stream closes
            pty.Posix.CloseAsync(old);
        }
        var reopen = pty.Posix.OpenAsync(name, OpenFlags.NonBlock);
        pty.Settle();

        if (read is not null) Assert.True(pty.Done(read, "old read").IsOk, pty.At("old read"));
        Assert.True(reopen.IsCompleted, pty.At($"the reopen after {(crash ? "a crash" : "a close")} was never answered; trace: {string.Join(" | ", pty.RaceTrace)}"));
        var opened = pty.Done(reopen, "reopen");
        Assert.True(opened.IsOk, pty.At($"reopen gave {opened}"));
        var fresh = (int)opened.Value;
        // PD5: nothing written for the old subsidiary reaches the new one.
        var seen = pty.ReadNow(fresh);
        Assert.True(seen is null || !seen.Contains('o'), pty.At($"the new subsidiary read old data: {seen?.Length} bytes"));
        // The stale Credit or Terminated left the manager sane. The old subsidiary's held output
        // stays held (PD5): a new write waits behind it or is refused by flow control; without
        // held output it arrives.
        var write = pty.Settle(pty.StartWrite(manager, "new"));
        if (write.IsOk)
        {
            var arrived = pty.ReadNow(fresh);
            Assert.True(arrived is null or "new", pty.At($"the new subsidiary read {arrived}"));
        }
        else
        {
            Assert.Equal(Errno.EAGAIN, write.Errno);
            Assert.Null(pty.ReadNow(fresh));
        }
        TraceChecks.NoSideProcessesAfterItsClose(pty, pty.RaceTrace);
        pty.CloseAllAndCheckClean(crash ? [old, fresh, manager] : [fresh, manager]);
    }
}
