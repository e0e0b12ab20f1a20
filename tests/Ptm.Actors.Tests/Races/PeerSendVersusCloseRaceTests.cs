using Ptm.Actors.Tests.Support;
using Ptm.Actors.Pty;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Races;

/// <summary>R1, R2: one side sends (data, ioctls, flushes) while the other closes.</summary>
public sealed class PeerSendVersusCloseRaceTests(ITestOutputHelper output)
{
    private static readonly int TIOCGWINSZ = IoctlCommands.TIOCGWINSZ;

    [Fact]
    public void R1_subsidiary_sending_while_the_manager_closes_never_reaches_a_stopped_manager_and_every_ioctl_is_answered()
    {
        SeedSweep.Run(output, "R1", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair(subsidiaryFlags: OpenFlags.NonBlock);
            pty.BeginRace();
            var writes = new[] { pty.StartWrite(subsidiary, "one"), pty.StartWrite(subsidiary, "two") };
            var ioctl = pty.Posix.IoctlAsync(subsidiary, TIOCGWINSZ);
            var flush = pty.Posix.DiscardAsync(subsidiary, FlushFlags.FLUSHRW);
            var close = pty.Posix.CloseAsync(manager);
            pty.Settle();

            Assert.True(pty.Done(close, "manager close").IsOk, pty.At("manager close"));
            foreach (var write in writes)
            {
                var result = pty.Done(write, "subsidiary write");
                // Before the hang-up the write is accepted (and its data dropped with the manager); after it, EIO (L15).
                Assert.True(result.IsOk ? result.Value == 3 : result.Errno == Errno.EIO, pty.At($"subsidiary write gave {result}"));
            }
            var answer = pty.Done(ioctl, "forwarded ioctl");
            // NAKed by the manager's stream head (D8), NAKed because the manager went (R9), or ENXIO once hung up (PD6).
            Assert.True(answer.Errno is Errno.EINVAL or Errno.ENXIO, pty.At($"subsidiary ioctl gave {answer}"));
            var flushed = pty.Done(flush, "flush");
            Assert.True(flushed.IsOk || flushed.Errno == Errno.ENXIO, pty.At($"flush gave {flushed} (ok, or ENXIO once hung up: H2)"));

            var trace = pty.RaceTrace;
            TraceChecks.NoSideProcessesAfterItsClose(pty, trace);
            // The manager announced its stop: the subsidiary ends up hung up (L15, PD6).
            Assert.Equal(Errno.EIO, pty.Settle(pty.StartWrite(subsidiary, "x")).Errno);
            Assert.Equal(Errno.ENXIO, pty.Settle(pty.Posix.IoctlAsync(subsidiary, TIOCGWINSZ)).Errno);
            pty.CloseAllAndCheckClean(subsidiary);
        });
    }

    [Fact]
    public void R2_manager_sending_while_the_subsidiary_closes_never_reaches_a_stopped_subsidiary_and_takes_the_no_subsidiary_branch_after()
    {
        SeedSweep.Run(output, "R2", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair(managerFlags: OpenFlags.NonBlock);
            pty.BeginRace();
            var write = pty.StartWrite(manager, "hello");
            var ioctl = pty.Posix.IoctlAsync(manager, TIOCGWINSZ);
            var flush = pty.Posix.DiscardAsync(manager, FlushFlags.FLUSHRW);
            var close = pty.Posix.CloseAsync(subsidiary);
            pty.Settle();

            Assert.True(pty.Done(close, "subsidiary close").IsOk, pty.At("subsidiary close"));
            // Delivered, or met "no subsidiary" and returned its count anyway (PD4).
            Assert.Equal(5, pty.Done(write, "manager write").Value);
            var answer = pty.Done(ioctl, "forwarded ioctl");
            Assert.True(answer.Errno == Errno.EINVAL, pty.At($"manager ioctl gave {answer} (D7 NAK, D2 no subsidiary, or R9)"));
            var flushed = pty.Done(flush, "flush");
            Assert.True(flushed.IsOk || flushed.Errno == Errno.ENXIO, pty.At($"flush gave {flushed} (ok, or ENXIO once hung up: H2)"));
            TraceChecks.NoSideProcessesAfterItsClose(pty, pty.RaceTrace);

            // From the subsidiary's close on, the manager has no subsidiary (R2): one EOF (L13), then nothing.
            Assert.Equal("", pty.ReadNow(manager));
            Assert.Null(pty.ReadNow(manager));
            // The next write takes the D9 branch: its count (PD4) or the sticky EINVAL already set by discarded output (PD5).
            var after = pty.Settle(pty.StartWrite(manager, "late"));
            Assert.True(after.IsOk ? after.Value == 4 : after.Errno == Errno.EINVAL, pty.At($"write after the subsidiary closed gave {after}"));
            Assert.Equal(Errno.EINVAL, pty.Settle(pty.StartWrite(manager, "later")).Errno);
            Assert.Equal((long)PollEvents.POLLERR, pty.Settle(pty.Posix.PollAsync(manager)).Value);
            pty.CloseAllAndCheckClean(manager);
        });
    }
}
