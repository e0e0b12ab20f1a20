using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.Tests.Support;
using Ptm.Actors.Pty;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Races;

/// <summary>R3, R6, R7: a subsidiary open racing manager traffic, a manager close, or the subsidiary's own last close.</summary>
public sealed class OpenRaceTests(ITestOutputHelper output)
{
    private static readonly int TIOCGWINSZ = IoctlCommands.TIOCGWINSZ;

    [Fact]
    public void R3_a_subsidiary_is_addressable_by_the_manager_only_after_it_started_and_introduced_itself()
    {
        SeedSweep.Run(output, "R3", pty =>
        {
            var manager = pty.OpenUnlockedManager();
            pty.BeginRace();
            var open = pty.Posix.OpenAsync(pty.PathOf(manager), OpenFlags.NonBlock);
            var first = pty.StartWrite(manager, "a");
            var second = pty.StartWrite(manager, "b");
            var ioctl = pty.Posix.IoctlAsync(manager, TIOCGWINSZ);
            pty.Settle();

            var opened = pty.Done(open, "subsidiary open");
            Assert.True(opened.IsOk, pty.At($"open gave {opened}"));
            var subsidiary = (int)opened.Value;
            Assert.Equal(1, pty.Done(first, "first write").Value); // delivered, or the PD4 count
            var secondResult = pty.Done(second, "second write");
            Assert.Equal(Errno.EINVAL, pty.Done(ioctl, "ioctl").Errno); // D2 at once, or D7 NAK from the subsidiary's stream head

            var trace = pty.RaceTrace;
            var managerPath = TraceChecks.Actors(trace, TraceChecks.Manager).Single();
            var subsidiaryPath = TraceChecks.Actors(trace, TraceChecks.Subsidiary).Single();
            var introduced = TraceChecks.IndexOf(trace, managerPath, "SubsidiaryOpened");
            Assert.True(introduced >= 0, pty.At("the subsidiary never introduced itself (R3)"));
            // Nothing from the manager reached the subsidiary before the manager had accepted it as its peer.
            for (var i = 0; i < trace.Count; i++)
            {
                if (TraceChecks.ActorOf(trace[i]) != subsidiaryPath) continue;
                var message = TraceChecks.MessageOf(trace[i]);
                if (TraceChecks.IsData(message) || message is "IoctlMessage" or "FlushMessage")
                    Assert.True(i > introduced, pty.At($"the subsidiary processed {message} before the manager knew it (R3)"));
            }

            // Either the first write found the subsidiary connected and both arrive, or it met "no subsidiary" (PD4).
            var received = pty.ReadNow(subsidiary);
            if (secondResult.IsOk)
            {
                Assert.Equal("ab", received);
                Assert.Equal(1, secondResult.Value);
            }
            else
            {
                Assert.Equal(Errno.EINVAL, secondResult.Errno);
                Assert.Null(received);
                Assert.Equal((long)PollEvents.POLLERR, pty.Settle(pty.Posix.PollAsync(manager)).Value);
            }
            pty.CloseAllAndCheckClean(subsidiary, manager);
        });
    }

    [Fact]
    public void R6_subsidiary_open_racing_manager_close_fails_EAGAIN_or_is_hung_up()
    {
        // PD3 proper: another subsidiary handle keeps the entry allocated, so the only outcomes are EAGAIN or a hung-up stream.
        var outcomes = new Dictionary<string, int>();
        SeedSweep.Run(output, "R6", pty =>
        {
            var (manager, first) = pty.OpenPair();
            var name = pty.PathOf(manager);
            pty.BeginRace();
            var open = pty.Posix.OpenAsync(name, OpenFlags.NonBlock);
            var close = pty.Posix.CloseAsync(manager);
            pty.Settle();

            Assert.True(pty.Done(close, "manager close").IsOk, pty.At("manager close"));
            var opened = pty.Done(open, "subsidiary open");
            if (opened.IsOk)
            {
                AssertHungUp(pty, (int)opened.Value);
                pty.CloseAllAndCheckClean((int)opened.Value, first);
            }
            else
            {
                Assert.True(opened.Errno == Errno.EAGAIN, pty.At($"open racing the manager close gave {opened} (PD3: EAGAIN or hung up)"));
                pty.CloseAllAndCheckClean(first);
            }
            Count(outcomes, opened.IsOk ? "ok, hung up" : opened.Errno.ToString());
        });
        output.WriteLine("R6 outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} x{o.Value}")));
        Assert.True(outcomes.ContainsKey("ok, hung up") && outcomes.ContainsKey("EAGAIN"), "R6: both sides of the race should be reached over 1,000 seeds");
    }

    [Fact]
    public void R6_subsidiary_open_racing_a_manager_crash_fails_EAGAIN_or_is_hung_up()
    {
        // pty-semantics.md section 10, PD13: a crash ends the manager as a close would, without the ManagerClosing message.
        var outcomes = new Dictionary<string, int>();
        SeedSweep.Run(output, "R6 (crash)", pty =>
        {
            var (manager, first) = pty.OpenPair();
            var name = pty.PathOf(manager);
            pty.BeginRace();
            var open = pty.Posix.OpenAsync(name, OpenFlags.NonBlock);
            Assert.True(pty.Posix.CrashAsync(manager).Result.IsOk, pty.At("crash"));
            pty.Settle();

            var opened = pty.Done(open, "subsidiary open");
            if (opened.IsOk)
            {
                AssertHungUp(pty, (int)opened.Value);
                pty.CloseAllAndCheckClean((int)opened.Value, first, manager);
            }
            else
            {
                Assert.True(opened.Errno == Errno.EAGAIN, pty.At($"open racing the manager crash gave {opened} (PD3, PD13)"));
                pty.CloseAllAndCheckClean(first, manager);
            }
            Count(outcomes, opened.IsOk ? "ok, hung up" : opened.Errno.ToString());
        });
        output.WriteLine("R6 (crash) outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} x{o.Value}")));
        Assert.True(outcomes.ContainsKey("ok, hung up"), "R6: the open should win the race for some seeds");
    }

    [Fact]
    public void R6_first_subsidiary_open_racing_manager_close_is_hung_up_or_fails_because_the_entry_is_gone()
    {
        // No other subsidiary handle: the manager close frees the entry, so the driver open can also find it gone (L7.2 ENXIO).
        var outcomes = new Dictionary<string, int>();
        SeedSweep.Run(output, "R6 (first open)", pty =>
        {
            var manager = pty.OpenUnlockedManager();
            var name = pty.PathOf(manager);
            pty.BeginRace();
            var open = pty.Posix.OpenAsync(name, OpenFlags.NonBlock);
            var close = pty.Posix.CloseAsync(manager);
            pty.Settle();

            Assert.True(pty.Done(close, "manager close").IsOk, pty.At("manager close"));
            var opened = pty.Done(open, "subsidiary open");
            if (opened.IsOk)
            {
                AssertHungUp(pty, (int)opened.Value);
                pty.CloseAllAndCheckClean((int)opened.Value);
            }
            else
            {
                Assert.True(opened.Errno is Errno.EAGAIN or Errno.ENXIO, pty.At($"open racing the manager close gave {opened}"));
                if (opened.Errno == Errno.ENXIO)
                {
                    var trace = pty.RaceTrace;
                    var freed = TraceChecks.IndexOf(trace, TraceChecks.Clone, "Terminated");
                    var driverOpen = TraceChecks.LastIndexOf(trace, TraceChecks.Clone, "DriverOpen");
                    Assert.True(freed >= 0 && freed < driverOpen, pty.At("ENXIO although the entry was not freed before the driver open (L7.2)"));
                }
                pty.CloseAllAndCheckClean();
            }
            Count(outcomes, opened.IsOk ? "ok, hung up" : opened.Errno.ToString());
        });
        output.WriteLine("R6 (first open) outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} x{o.Value}")));
        Assert.True(outcomes.ContainsKey("ok, hung up") && outcomes.Count > 1, "R6: both sides of the race should be reached over 1,000 seeds");
    }

    /// <summary>L15, PD6: a hung-up subsidiary: write EIO, read EOF, ioctl ENXIO, poll POLLHUP.</summary>
    private static void AssertHungUp(DeterministicPty pty, int subsidiary)
    {
        Assert.Equal(Errno.EIO, pty.Settle(pty.StartWrite(subsidiary, "x")).Errno);
        Assert.Equal("", pty.ReadNow(subsidiary));
        Assert.Equal(Errno.ENXIO, pty.Settle(pty.Posix.IoctlAsync(subsidiary, TIOCGWINSZ)).Errno);
        Assert.Equal((long)PollEvents.POLLHUP, pty.Settle(pty.Posix.PollAsync(subsidiary)).Value);
    }

    private static void Count(Dictionary<string, int> outcomes, string outcome) => outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

    [Fact]
    public void R7_an_open_racing_the_subsidiarys_last_close_joins_the_stream_or_waits_and_gets_a_working_new_one()
    {
        var outcomes = new Dictionary<string, int>();
        SeedSweep.Run(output, "R7", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair(managerFlags: OpenFlags.NonBlock);
            var name = pty.PathOf(manager);
            pty.BeginRace();
            var open = pty.Posix.OpenAsync(name, OpenFlags.NonBlock);
            var close = pty.Posix.CloseAsync(subsidiary);
            pty.Settle();

            Assert.True(pty.Done(close, "last close").IsOk, pty.At("close"));
            var opened = pty.Done(open, "open racing the last close");
            Assert.True(opened.IsOk, pty.At($"open racing the last close gave {opened} (R7: it must wait, then see READY)"));
            var again = (int)opened.Value;
            var streams = TraceChecks.Actors(pty.RaceTrace, TraceChecks.Subsidiary);
            var joined = streams.Count == 1 && TraceChecks.Count(pty.RaceTrace, streams[0], "JoinOpen") == 1
                && TraceChecks.IndexOf(pty.RaceTrace, streams[0], "JoinOpen") < TraceChecks.IndexOf(pty.RaceTrace, streams[0], "CloseRequest");

            // The old stream's last close (if the open did not join it first) gave the manager one EOF (L13).
            Assert.Equal(joined ? null : "", pty.ReadNow(manager));
            Assert.Null(pty.ReadNow(manager));
            // The descriptor works both ways.
            Assert.Equal(4, pty.Settle(pty.StartWrite(again, "ping")).Value);
            Assert.Equal("ping", pty.ReadNow(manager));
            Assert.Equal(4, pty.Settle(pty.StartWrite(manager, "pong")).Value);
            Assert.Equal("pong", pty.ReadNow(again));
            if (!joined) TraceChecks.NothingProcessedAfterClose(pty, pty.RaceTrace, streams[0]);
            pty.CloseAllAndCheckClean(again, manager);
            var outcome = joined ? "joined the closing stream" : "waited, new stream";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        });
        output.WriteLine("R7 outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} x{o.Value}")));
    }
    [Fact]
    public void R7_an_open_and_a_last_close_landing_in_either_order_leave_one_working_stream()
    {
        // The close is started when another pty answers a poll, so the open's JoinOpen can reach the stream before it.
        var outcomes = new Dictionary<string, int>();
        SeedSweep.Run(output, "R7 (either order)", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair(managerFlags: OpenFlags.NonBlock);
            var other = pty.OpenManager();
            var name = pty.PathOf(manager);
            pty.BeginRace();
            Task<SysResult>? close = null;
            pty.Posix.PollAsync(other).ContinueWith(_ => close = pty.Posix.CloseAsync(subsidiary), TaskContinuationOptions.ExecuteSynchronously);
            var open = pty.Posix.OpenAsync(name, OpenFlags.NonBlock);
            pty.Settle();

            Assert.NotNull(close);
            Assert.True(pty.Done(close!, "close").IsOk, pty.At("close"));
            var opened = pty.Done(open, "open");
            Assert.True(opened.IsOk, pty.At($"open racing the last close gave {opened} (R7)"));
            var again = (int)opened.Value;
            var streams = TraceChecks.Actors(pty.RaceTrace, TraceChecks.Subsidiary);
            var joined = streams.Count == 1;
            Assert.Equal(joined ? null : "", pty.ReadNow(manager)); // an EOF only if the old stream really closed (L13)
            Assert.Equal(4, pty.Settle(pty.StartWrite(again, "ping")).Value);
            Assert.Equal("ping", pty.ReadNow(manager));
            if (!joined) TraceChecks.NothingProcessedAfterClose(pty, pty.RaceTrace, streams[0]);
            pty.CloseAllAndCheckClean(again, manager, other);
            Count(outcomes, joined ? "joined the open stream" : "waited, new stream");
        }, options: new PtySystemOptions { InlineCompletions = true });
        output.WriteLine("R7 (either order) outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} x{o.Value}")));
        Assert.Equal(2, outcomes.Count);
    }
}
