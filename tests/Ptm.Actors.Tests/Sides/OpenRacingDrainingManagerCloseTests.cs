using Ptm.Actors.Pty;
using Ptm.Actors.Tests.Races;
using Ptm.Actors.Tests.Support;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Sides;

/// <summary>
/// R6, PD3, H3: a subsidiary open racing a manager close that waits for held output to drain.
/// The manager lives on through its 15 s drain, so a subsidiary the Clone started just before
/// the close introduces itself to a closing manager, which must hang it up at once.
/// </summary>
public sealed class OpenRacingDrainingManagerCloseTests(ITestOutputHelper output)
{
    [Fact]
    public void R6_an_open_racing_a_draining_manager_close_fails_EAGAIN_or_is_answered_at_once_and_hung_up()
    {
        var outcomes = new Dictionary<string, int>();
        SeedSweep.Run(output, "R6 (draining close)", pty =>
        {
            var (manager, old) = pty.OpenPair(OpenFlags.None, OpenFlags.NonBlock); // a blocking manager: its close drains (H3)
            var path = pty.PathOf(manager);
            // The old subsidiary's read queue fills (2048, D17) and ptm's queue keeps 256 bytes (D13),
            // held once that subsidiary closes (PD5): the manager's close then waits 15 s for nothing.
            Assert.Equal(2048 + 256, pty.Write(manager, new byte[2048 + 256]));
            pty.Close(old);
            Assert.Empty(pty.Read(manager)); // its EOF (L13)

            pty.BeginRace();
            var open = pty.Posix.OpenAsync(path, OpenFlags.NonBlock);
            var close = pty.Posix.CloseAsync(manager);
            pty.Settle();

            // R6: the open is answered now, not when the drain gives up: EAGAIN, or a stream the close hangs up.
            var opened = pty.Done(open, "open racing the draining close");
            Assert.False(close.IsCompleted, pty.At("the close should still wait for the held output (H3, PD5)"));
            pty.Sleep(SideActor.CloseTime);
            Assert.True(pty.Done(close, "manager close").IsOk, pty.At("manager close"));
            if (opened.IsOk)
            {
                var fresh = (int)opened.Value;
                var connectedFirst = TraceChecks.IndexOf(pty.RaceTrace, TraceChecks.Subsidiary, "Connected") >= 0;
                Assert.Equal(Errno.EIO, pty.Settle(pty.StartWrite(fresh, "x")).Errno); // L15
                Assert.Equal("", pty.ReadNow(fresh));
                Assert.Equal((long)PollEvents.POLLHUP, pty.Settle(pty.Posix.PollAsync(fresh)).Value);
                pty.CloseAllAndCheckClean(fresh);
                Count(outcomes, connectedFirst ? "connected, hung up at the close" : "hung up while closing");
            }
            else
            {
                Assert.True(opened.Errno == Errno.EAGAIN, pty.At($"open racing the manager close gave {opened} (PD3)"));
                pty.CloseAllAndCheckClean();
                Count(outcomes, "EAGAIN");
            }
        }, seeds: 500);
        output.WriteLine("outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} x{o.Value}")));
        Assert.True(outcomes.ContainsKey("hung up while closing") && outcomes.ContainsKey("EAGAIN"),
            "R6: the open should meet a closing manager for some seeds and be refused for others");
    }

    private static void Count(Dictionary<string, int> outcomes, string outcome) => outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
}
