using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Tests.Races;
using Ptm.Actors.Tests.Support;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// PD13, L13, R13: a subsidiary crashes and a new one opens while the manager is busy. The
/// Clone starts the new stream once the old one's Terminated reached it, but the manager may
/// take the new stream's introduction before the old one's Terminated: it must end the old
/// epoch then, with its one EOF, exactly as the Terminated would have.
/// </summary>
public sealed class ReopenAfterCrashWhileManagerBusyTests(ITestOutputHelper output)
{
    [Fact]
    public void The_crashed_subsidiarys_one_EOF_comes_whether_its_Terminated_or_the_new_streams_introduction_comes_first()
    {
        var introducedFirst = 0;
        SeedSweep.Run(output, "PD13 (reopen while the manager is busy)", pty =>
        {
            var (manager, old) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
            var path = pty.PathOf(manager);
            pty.BeginRace();
            Assert.True(pty.Posix.CrashAsync(old).Result.IsOk, pty.At("crash"));
            var busy = Enumerable.Range(0, 8).Select(_ => pty.Posix.PollAsync(manager)).ToArray(); // calls queued on the manager
            var reopen = pty.Posix.OpenAsync(path, OpenFlags.NonBlock);
            pty.Settle();

            foreach (var poll in busy) pty.Done(poll, "poll");
            var opened = pty.Done(reopen, "reopen");
            Assert.True(opened.IsOk, pty.At($"reopen gave {opened}"));
            var fresh = (int)opened.Value;
            var trace = pty.RaceTrace;
            var introduced = TraceChecks.IndexOf(trace, TraceChecks.Manager, "SubsidiaryOpened");
            var terminated = TraceChecks.IndexOf(trace, TraceChecks.Manager, "Terminated");
            if (terminated < 0 || introduced < terminated) introducedFirst++;

            // L13, PD13: one EOF for the crashed stream, then nothing until the new one writes.
            Assert.Equal("", pty.ReadNow(manager));
            Assert.Null(pty.ReadNow(manager));
            Assert.Equal(3, pty.Write(fresh, "new"));
            Assert.Equal("new", pty.ReadNow(manager));
            pty.CloseAllAndCheckClean(fresh, old, manager);
        }, seeds: 300);
        output.WriteLine($"the new stream introduced itself before the old one's Terminated in {introducedFirst} of 300 seeds");
        Assert.True(introducedFirst > 0, "no seed had the manager take the new stream before the old one's Terminated");
    }
}
