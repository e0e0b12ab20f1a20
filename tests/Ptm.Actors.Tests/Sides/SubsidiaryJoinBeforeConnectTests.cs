using Ptm.Actors.Tests.Races;
using Ptm.Actors.Tests.Support;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// L9, R3, R9: opens of /dev/pts/N that join a subsidiary stream before its manager has
/// connected it all wait for the connect, and every one of them is answered.
/// </summary>
public sealed class SubsidiaryJoinBeforeConnectTests(ITestOutputHelper output)
{
    [Fact]
    public void Two_racing_first_opens_of_a_subsidiary_both_complete_on_the_one_stream()
    {
        var joinedBeforeConnect = 0;
        SeedSweep.Run(output, "L9 (joins before the connect)", pty =>
        {
            var manager = pty.OpenUnlockedManager(OpenFlags.NonBlock);
            var path = pty.PathOf(manager);
            pty.BeginRace();
            var first = pty.Posix.OpenAsync(path, OpenFlags.NonBlock);
            var second = pty.Posix.OpenAsync(path, OpenFlags.NonBlock);
            pty.Settle();

            // R9: neither open may be lost, whichever of them waited for the manager's Connected (R3).
            var a = pty.Done(first, "first open");
            var b = pty.Done(second, "second open");
            Assert.True(a.IsOk && b.IsOk, pty.At($"opens gave {a} and {b}"));
            var trace = pty.RaceTrace;
            var stream = TraceChecks.Actors(trace, TraceChecks.Subsidiary).Single(); // L9: one stream
            var join = TraceChecks.IndexOf(trace, stream, "JoinOpen");
            if (join >= 0 && join < TraceChecks.IndexOf(trace, stream, "Connected")) joinedBeforeConnect++;

            // Both descriptors are the same working stream.
            Assert.Equal(1, pty.Write((int)a.Value, "a"));
            Assert.Equal(1, pty.Write((int)b.Value, "b"));
            Assert.Equal("ab", pty.ReadNow(manager));
            pty.CloseAllAndCheckClean((int)a.Value, (int)b.Value, manager);
        }, seeds: 200);
        output.WriteLine($"the second open joined before the connect in {joinedBeforeConnect} of 200 seeds");
        Assert.True(joinedBeforeConnect > 0, "no seed had the second open wait for the connect, so the case was never exercised");
    }
}
