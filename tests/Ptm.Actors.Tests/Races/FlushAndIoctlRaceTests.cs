using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Tests.Support;
using Ptm.Actors.Pty;
using Ptm.Actors.Streams;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Races;

/// <summary>R8 (flush round trips terminate) and R9 (every ioctl is answered on every path).</summary>
public sealed class FlushAndIoctlRaceTests(ITestOutputHelper output)
{
    private static readonly int TIOCGWINSZ = IoctlCommands.TIOCGWINSZ;
    private static readonly int TCGETS = 0x540d;

    [Fact]
    public void R8_flush_round_trips_from_both_sides_terminate_and_leave_both_read_sides_empty()
    {
        SeedSweep.Run(output, "R8", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
            // Data waiting on both read sides before the race.
            Assert.Equal(2, pty.Settle(pty.StartWrite(subsidiary, "in")).Value);
            Assert.Equal(3, pty.Settle(pty.StartWrite(manager, "out")).Value);
            pty.BeginRace();
            var flushes = new[]
            {
                pty.Posix.DiscardAsync(manager, FlushFlags.FLUSHR), // round trip through the subsidiary stream head (D4)
                pty.Posix.DiscardAsync(manager, FlushFlags.FLUSHRW),
                pty.Posix.DiscardAsync(subsidiary, FlushFlags.FLUSHRW),
                pty.Posix.DiscardAsync(subsidiary, FlushFlags.FLUSHW),
            };
            var turns = pty.Settle();

            foreach (var flush in flushes) Assert.True(pty.Done(flush, "flush").IsOk, pty.At("flush failed"));
            // A finite chain of Tells: each I_FLUSH makes at most two M_FLUSH hops (out and turned round).
            var hops = pty.RaceTrace.Count(e => TraceChecks.MessageOf(e) == "FlushMessage");
            Assert.True(hops <= 2 * flushes.Length, pty.At($"{hops} flush messages for {flushes.Length} flushes"));
            Assert.True(turns < 100, pty.At($"{turns} turns for four flushes"));
            Assert.Null(pty.ReadNow(manager)); // D4 FLUSHR/FLUSHRW: the manager's read side is empty
            Assert.Null(pty.ReadNow(subsidiary)); // FLUSHRW from either side empties the subsidiary's read side
            pty.CloseAllAndCheckClean(subsidiary, manager);
        });
    }

    [Fact]
    public void R8_flush_round_trips_racing_a_close_of_either_side_terminate_and_are_answered()
    {
        SeedSweep.Run(output, "R8 (racing closes)", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
            pty.Settle(pty.StartWrite(subsidiary, "in"));
            pty.Settle(pty.StartWrite(manager, "out"));
            var closeManager = pty.Seed % 2 == 0;
            pty.BeginRace();
            var flushes = new[]
            {
                pty.Posix.DiscardAsync(manager, FlushFlags.FLUSHR),
                pty.Posix.DiscardAsync(manager, FlushFlags.FLUSHRW),
                pty.Posix.DiscardAsync(subsidiary, FlushFlags.FLUSHRW),
            };
            var close = pty.Posix.CloseAsync(closeManager ? manager : subsidiary);
            var turns = pty.Settle();

            foreach (var flush in flushes) Assert.True(pty.Done(flush, "flush").IsOk, pty.At("flush failed (a flush with no peer is dropped silently)"));
            Assert.True(pty.Done(close, "close").IsOk, pty.At("close"));
            Assert.True(turns < 100, pty.At($"{turns} turns"));
            TraceChecks.NoSideProcessesAfterItsClose(pty, pty.RaceTrace);
            pty.CloseAllAndCheckClean(closeManager ? subsidiary : manager);
        });
    }

    [Fact]
    public void R9_every_ioctl_gets_an_answer_when_either_side_closes_meanwhile()
    {
        SeedSweep.Run(output, "R9", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair();
            var variant = pty.Seed % 3; // 0: manager closes, 1: subsidiary closes, 2: both
            pty.BeginRace();
            var managerIoctls = new[] { pty.Posix.IoctlAsync(manager, TIOCGWINSZ), pty.Posix.IoctlAsync(manager, TCGETS) };
            var subsidiaryIoctls = new[] { pty.Posix.IoctlAsync(subsidiary, TIOCGWINSZ), pty.Posix.IoctlAsync(subsidiary, TCGETS) };
            var isptm = pty.Posix.IoctlAsync(manager, IoctlCommands.ISPTM);
            var ptsstty = pty.Posix.IoctlAsync(subsidiary, IoctlCommands.PTSSTTY);
            var closes = new List<Task<SysResult>>();
            if (variant != 1) closes.Add(pty.Posix.CloseAsync(manager));
            if (variant != 0) closes.Add(pty.Posix.CloseAsync(subsidiary));
            pty.Settle();

            foreach (var ioctl in managerIoctls)
            {
                var result = pty.Done(ioctl, "manager ioctl");
                Assert.True(result.Errno == Errno.EINVAL, pty.At($"forwarded manager ioctl gave {result} (D7 NAK, or R9 NAK)"));
            }
            foreach (var ioctl in subsidiaryIoctls)
            {
                var result = pty.Done(ioctl, "subsidiary ioctl");
                Assert.True(result.Errno is Errno.EINVAL or Errno.ENXIO, pty.At($"forwarded subsidiary ioctl gave {result} (D8 NAK, R9 NAK, PD6)"));
            }
            Assert.Equal(SysResult.Ok(0), pty.Done(isptm, "ISPTM"));
            var stty = pty.Done(ptsstty, "PTSSTTY");
            // PTSSTTY waits behind the subsidiary's two forwarded ioctls (H5): sent down once the manager is gone it is NAKed (D10),
            // waiting at the hang-up it fails ENXIO (PD6).
            Assert.True(stty.IsOk || stty.Errno is Errno.ENXIO or Errno.EINVAL, pty.At($"PTSSTTY gave {stty}"));
            foreach (var close in closes) Assert.True(pty.Done(close, "close").IsOk, pty.At("close"));
            TraceChecks.NoSideProcessesAfterItsClose(pty, pty.RaceTrace);
            var open = new List<int>();
            if (variant == 0) open.Add(subsidiary);
            if (variant == 1) open.Add(manager);
            pty.CloseAllAndCheckClean(open.ToArray());
        });
    }

    [Fact]
    public void R9_ioctls_forwarded_by_the_surviving_side_are_answered_when_its_peer_crashes_meanwhile()
    {
        SeedSweep.Run(output, "R9 (peer crash)", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair();
            var crashManager = pty.Seed % 2 == 0;
            var survivor = crashManager ? subsidiary : manager;
            pty.BeginRace();
            var ioctls = new[] { pty.Posix.IoctlAsync(survivor, TIOCGWINSZ), pty.Posix.IoctlAsync(survivor, TCGETS) };
            Assert.True(pty.Posix.CrashAsync(crashManager ? manager : subsidiary).Result.IsOk, pty.At("crash"));
            pty.Settle();

            foreach (var ioctl in ioctls)
            {
                var result = pty.Done(ioctl, "ioctl racing the peer's crash");
                // D7/D8 NAK, R9 NAK when the peer's Terminated arrives, ENXIO once the subsidiary is hung up (PD6, PD13).
                Assert.True(result.Errno is Errno.EINVAL or Errno.ENXIO, pty.At($"ioctl racing the peer's crash gave {result}"));
            }
            // The crashed side's own handles answer EIO from now on (PD13).
            Assert.Equal(Errno.EIO, pty.Settle(pty.Posix.IoctlAsync(crashManager ? manager : subsidiary, TCGETS)).Errno);
            pty.CloseAllAndCheckClean(manager, subsidiary);
        });
    }

    [Fact]
    public void R9_every_ioctl_gets_an_answer_when_either_side_crashes_meanwhile()
    {
        SeedSweep.Run(output, "R9 (crashes)", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair();
            var crashManager = pty.Seed % 2 == 0;
            pty.BeginRace();
            var ioctls = new[]
            {
                pty.Posix.IoctlAsync(manager, TIOCGWINSZ), pty.Posix.IoctlAsync(subsidiary, TCGETS),
                pty.Posix.IoctlAsync(manager, TCGETS), pty.Posix.IoctlAsync(subsidiary, TIOCGWINSZ),
            };
            Assert.True(pty.Posix.CrashAsync(crashManager ? manager : subsidiary).Result.IsOk, pty.At("crash"));
            pty.Settle();

            var unanswered = Enumerable.Range(0, ioctls.Length).Where(i => !ioctls[i].IsCompleted).ToList();
            Assert.True(unanswered.Count == 0, pty.At(
                $"ioctl(s) #{string.Join(",", unanswered)} never answered after crashing the {(crashManager ? "manager" : "subsidiary")}; trace: {string.Join(" | ", pty.RaceTrace)}"));
            foreach (var ioctl in ioctls)
            {
                var result = pty.Done(ioctl, "ioctl racing a crash");
                // NAKs (D7, D8, R9), ENXIO on a hung-up subsidiary (PD6), EIO on the crashed side's own handles (PD13).
                Assert.True(result.Errno is Errno.EINVAL or Errno.ENXIO or Errno.EIO, pty.At($"ioctl racing a crash gave {result}"));
            }
            pty.CloseAllAndCheckClean(manager, subsidiary);
        });
    }
}
