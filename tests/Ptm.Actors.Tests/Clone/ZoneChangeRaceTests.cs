using Ptm.Actors.Tests.Races;
using Ptm.Actors.Tests.Support;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Clone;

/// <summary>
/// L7.3: the driver open checks the zone again, after the /dev/pts lookup (L8), so a ZONEPT that
/// lands between the two fails the open EPERM, and that open leaves no stream behind.
/// </summary>
public sealed class ZoneChangeRaceTests(ITestOutputHelper output)
{
    [Fact]
    public void L7_3_an_open_that_meets_zonept_between_lookup_and_driver_open_fails_eperm_and_opens_no_stream()
    {
        var eperm = 0;
        SeedSweep.Run(output, "L7.3", pty =>
        {
            var manager = pty.OpenManager(OpenFlags.NonBlock);
            pty.GrantAndUnlock(manager);
            var name = pty.PathOf(manager);
            pty.BeginRace();
            var zonept = pty.Posix.IoctlAsync(manager, IoctlCommands.ZONEPT, EntryUpdateRaceTests.ZonePayload(5));
            var open = pty.Posix.OpenAsync(name, OpenFlags.NonBlock);
            pty.Settle();

            Assert.True(pty.Done(zonept, "ZONEPT").IsOk, pty.At("ZONEPT"));
            var opened = pty.Done(open, "open");
            if (opened.Errno == Errno.EPERM)
            {
                eperm++;
                Assert.Null(pty.ReadNow(manager)); // no subsidiary stream was opened, so none closed: no EOF (L13)
            }
            pty.CloseAllAndCheckClean(opened.IsOk ? [(int)opened.Value, manager] : [manager]);
        }, seeds: 300);
        output.WriteLine($"EPERM in {eperm} of 300 seeds");
        Assert.True(eperm > 0, "L7.3: EPERM should be reachable when ZONEPT lands between the lookup and the driver open");
    }
}
