using Ptm.Actors.Tests.Support;
using System.Buffers.Binary;
using Ptm.Actors.Pty;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Races;

/// <summary>R11: UNLKPT, ZONEPT and OWNERPT racing a subsidiary open see the old or the new entry, never a mix.</summary>
public sealed class EntryUpdateRaceTests(ITestOutputHelper output)
{
    public static byte[] ZonePayload(int zone)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(payload, zone);
        return payload;
    }

    public static byte[] OwnerPayload(uint uid, uint gid)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, uid);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(4), gid);
        return payload;
    }

    [Fact]
    public void R11_unlockpt_racing_a_subsidiary_open_gives_EAGAIN_or_success()
    {
        var outcomes = new Dictionary<string, int>();
        SeedSweep.Run(output, "R11 (UNLKPT)", pty =>
        {
            var manager = pty.OpenManager(OpenFlags.NonBlock);
            Assert.True(pty.Settle(pty.Posix.GrantAsync(manager)).IsOk, pty.At("grantpt"));
            var name = pty.PathOf(manager);
            pty.BeginRace();
            var unlock = pty.Posix.UnlockAsync(manager);
            var open = pty.Posix.OpenAsync(name, OpenFlags.NonBlock);
            pty.Settle();

            Assert.True(pty.Done(unlock, "unlockpt").IsOk, pty.At("unlockpt"));
            var opened = pty.Done(open, "open");
            Assert.True(opened.IsOk || opened.Errno == Errno.EAGAIN, pty.At($"open racing unlockpt gave {opened} (L7.5)"));
            // Whatever the open saw, the unlock is complete afterwards: an open now succeeds and the pair works.
            var subsidiary = opened.IsOk ? (int)opened.Value : pty.OpenSubsidiary(name, OpenFlags.NonBlock);
            Assert.Equal(2, pty.Settle(pty.StartWrite(manager, "hi")).Value);
            Assert.Equal("hi", pty.ReadNow(subsidiary));
            pty.CloseAllAndCheckClean(subsidiary, manager);
            outcomes[opened.IsOk ? "ok" : "EAGAIN"] = outcomes.GetValueOrDefault(opened.IsOk ? "ok" : "EAGAIN") + 1;
        });
        output.WriteLine("outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} x{o.Value}")));
        Assert.Equal(2, outcomes.Count);
    }

    [Fact]
    public void R11_zonept_racing_a_subsidiary_open_gives_success_ENOENT_or_EPERM_and_nothing_else()
    {
        var outcomes = new Dictionary<string, int>();
        var firstEperm = 0;
        SeedSweep.Run(output, "R11 (ZONEPT)", pty =>
        {
            var manager = pty.OpenUnlockedManager();
            var name = pty.PathOf(manager);
            pty.BeginRace();
            var zonept = pty.Posix.IoctlAsync(manager, IoctlCommands.ZONEPT, ZonePayload(5));
            var open = pty.Posix.OpenAsync(name, OpenFlags.NonBlock);
            pty.Settle();

            Assert.True(pty.Done(zonept, "ZONEPT").IsOk, pty.At("ZONEPT"));
            var opened = pty.Done(open, "open");
            // Old zone at lookup and driver open: ok. New zone at lookup: ENOENT (L8). Changed in between: EPERM (L7.3).
            Assert.True(opened.IsOk || opened.Errno is Errno.ENOENT or Errno.EPERM, pty.At($"open racing ZONEPT gave {opened}"));
            var key = opened.IsOk ? "ok" : opened.Errno.ToString();
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            if (opened.Errno == Errno.EPERM && firstEperm == 0) firstEperm = pty.Seed;
            // Afterwards the entry is in zone 5: invisible from zone 0, visible from zone 5 (L8).
            Assert.Equal(Errno.ENOENT, pty.Settle(pty.Posix.StatAsync(name)).Errno);
            Assert.Equal("uid=0 gid=7 mode=0620", pty.Settle(pty.Posix.StatAsync(name, new Credentials(0, 0, zone: 5, privileged: true))).Text);
            pty.CloseAllAndCheckClean(opened.IsOk ? [(int)opened.Value, manager] : [manager]);
        });
        output.WriteLine("outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} x{o.Value}")) + $"; first EPERM at seed {firstEperm}");
        Assert.True(outcomes.ContainsKey("EPERM"), "L7.3: EPERM should be reachable when ZONEPT lands between the lookup and the driver open");
    }

    [Fact]
    public void R11_ownerpt_racing_an_unprivileged_open_gives_EACCES_or_success()
    {
        var outcomes = new Dictionary<string, int>();
        var user = new Credentials(1000, 100);
        SeedSweep.Run(output, "R11 (OWNERPT)", pty =>
        {
            var manager = pty.OpenUnlockedManager();
            var other = pty.OpenManager(); // another pty: its answer is the open's cue
            var name = pty.PathOf(manager);
            pty.BeginRace();
            // The open starts when the other manager answers a poll, so the lookup may land before or after the
            // Clone learns the new owner (a request queued now would always precede the manager's SetOwner).
            Task<SysResult>? open = null;
            pty.Posix.PollAsync(other).ContinueWith(_ => open = pty.Posix.OpenAsync(name, OpenFlags.NonBlock, user), TaskContinuationOptions.ExecuteSynchronously);
            var ownerpt = pty.Posix.IoctlAsync(manager, IoctlCommands.OWNERPT, OwnerPayload(1000, 7));
            pty.Settle();

            Assert.True(pty.Done(ownerpt, "OWNERPT").IsOk, pty.At("OWNERPT"));
            Assert.NotNull(open);
            var opened = pty.Done(open!, "open");
            Assert.True(opened.IsOk || opened.Errno == Errno.EACCES, pty.At($"unprivileged open racing OWNERPT gave {opened} (L8)"));
            var key = opened.IsOk ? "ok" : "EACCES";
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            Assert.Equal("uid=1000 gid=7 mode=0620", pty.Settle(pty.Posix.StatAsync(name)).Text);
            var subsidiary = opened.IsOk ? (int)opened.Value : pty.OpenSubsidiary(name, OpenFlags.NonBlock, user);
            pty.CloseAllAndCheckClean(subsidiary, manager, other);
        }, options: new PtySystemOptions { InlineCompletions = true });
        output.WriteLine("outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} x{o.Value}")));
        Assert.Equal(2, outcomes.Count);
    }
}
