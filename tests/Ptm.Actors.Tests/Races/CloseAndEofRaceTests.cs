using Ptm.Actors.Tests.Support;
using Ptm.Actors.Pty;
using Xunit.Abstractions;

namespace Ptm.Actors.Tests.Races;

/// <summary>R4, R5, R10: both sides closing at once, and the one end-of-file of a subsidiary's last close.</summary>
public sealed class CloseAndEofRaceTests(ITestOutputHelper output)
{
    [Fact]
    public void R4_both_sides_closing_with_traffic_in_flight_announce_themselves_and_process_nothing_after_stopping()
    {
        SeedSweep.Run(output, "R4", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair();
            pty.BeginRace();
            var down = pty.StartWrite(manager, "to-s");
            var up = pty.StartWrite(subsidiary, "to-m");
            var managerClose = pty.Posix.CloseAsync(manager);
            var subsidiaryClose = pty.Posix.CloseAsync(subsidiary);
            pty.Settle();

            Assert.Equal(4, pty.Done(down, "manager write").Value); // delivered or the PD4 count: queued before the close
            var upResult = pty.Done(up, "subsidiary write");
            Assert.True(upResult.IsOk ? upResult.Value == 4 : upResult.Errno == Errno.EIO, pty.At($"subsidiary write gave {upResult}"));
            Assert.True(pty.Done(managerClose, "manager close").IsOk, pty.At("manager close"));
            Assert.True(pty.Done(subsidiaryClose, "subsidiary close").IsOk, pty.At("subsidiary close"));

            var trace = pty.RaceTrace;
            TraceChecks.NoSideProcessesAfterItsClose(pty, trace);
            // Each side told the Clone it was going before it stopped (PD3, R7 bookkeeping).
            Assert.True(TraceChecks.IndexOf(trace, TraceChecks.Clone, "ManagerClosing") >= 0, pty.At("no ManagerClosing"));
            Assert.True(TraceChecks.IndexOf(trace, TraceChecks.Clone, "SubsidiaryClosing") >= 0, pty.At("no SubsidiaryClosing"));
            pty.CloseAllAndCheckClean();
        });
    }

    [Fact]
    public void R5_the_end_of_file_is_read_once_per_subsidiary_epoch_after_all_earlier_data()
    {
        SeedSweep.Run(output, "R5", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair(managerFlags: OpenFlags.NonBlock);
            pty.BeginRace();
            var writes = new[] { pty.StartWrite(subsidiary, "data1"), pty.StartWrite(subsidiary, "data2") };
            var racingReads = new List<(Task<SysResult> Call, byte[] Buffer)>();
            for (var i = 0; i < 3; i++)
            {
                var buffer = new byte[64];
                racingReads.Add((pty.Posix.ReadAsync(manager, buffer), buffer));
            }
            var close = pty.Posix.CloseAsync(subsidiary);
            pty.Settle();

            foreach (var write in writes) Assert.Equal(5, pty.Done(write, "subsidiary write").Value);
            Assert.True(pty.Done(close, "subsidiary close").IsOk, pty.At("close"));
            var seen = new List<string>(); // what the manager read, in order: data, "" for EOF
            foreach (var (call, buffer) in racingReads)
            {
                var result = pty.Done(call, "manager read");
                if (!result.IsOk) { Assert.Equal(Errno.EAGAIN, result.Errno); continue; }
                seen.Add(System.Text.Encoding.ASCII.GetString(buffer, 0, (int)result.Value));
            }
            while (pty.ReadNow(manager) is { } more)
            {
                seen.Add(more);
                if (more == "") break;
            }
            Assert.Null(pty.ReadNow(manager)); // one EOF only: after it, nothing (the subsidiary is gone)
            Assert.Equal(1, seen.Count(s => s == ""));
            Assert.Equal("", seen[^1]); // after all earlier data (same sender, FIFO)
            Assert.Equal("data1data2", string.Concat(seen));

            var trace = pty.RaceTrace;
            var managerPath = TraceChecks.Actors(trace, TraceChecks.Manager).Single();
            Assert.Equal(1, TraceChecks.Count(trace, managerPath, "SubsidiaryClosed"));
            var eof = TraceChecks.IndexOf(trace, managerPath, "SubsidiaryClosed");
            Assert.True(TraceChecks.IndexOfData(trace, managerPath, eof) < 0, pty.At("data processed after the EOF (R5)"));
            TraceChecks.NoSideProcessesAfterItsClose(pty, trace);
            pty.CloseAllAndCheckClean(manager);
        });
    }

    [Fact]
    public void R5_the_end_of_file_never_reaches_a_manager_that_closed_meanwhile_and_never_comes_twice()
    {
        SeedSweep.Run(output, "R5 (closing manager)", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair(managerFlags: OpenFlags.NonBlock);
            pty.BeginRace();
            var write = pty.StartWrite(subsidiary, "data");
            var subsidiaryClose = pty.Posix.CloseAsync(subsidiary);
            var managerClose = pty.Posix.CloseAsync(manager);
            pty.Settle();

            pty.Done(write, "subsidiary write");
            Assert.True(pty.Done(subsidiaryClose, "subsidiary close").IsOk, pty.At("subsidiary close"));
            Assert.True(pty.Done(managerClose, "manager close").IsOk, pty.At("manager close"));
            var trace = pty.RaceTrace;
            var managerPath = TraceChecks.Actors(trace, TraceChecks.Manager).Single();
            Assert.True(TraceChecks.Count(trace, managerPath, "SubsidiaryClosed") <= 1, pty.At("two EOFs (R5)"));
            var eof = TraceChecks.IndexOf(trace, managerPath, "SubsidiaryClosed");
            if (eof >= 0) Assert.True(TraceChecks.IndexOfData(trace, managerPath, eof) < 0, pty.At("data after the EOF (R5)"));
            TraceChecks.NoSideProcessesAfterItsClose(pty, trace); // in particular no EOF processed by a stopped manager
            pty.CloseAllAndCheckClean();
        });
    }

    [Fact]
    public void R10_the_manager_gets_the_end_of_file_in_every_interleaving_of_the_subsidiarys_close()
    {
        SeedSweep.Run(output, "R10", pty =>
        {
            var (manager, subsidiary) = pty.OpenPair();
            pty.BeginRace();
            var firstBuffer = new byte[64];
            var first = pty.Posix.ReadAsync(manager, firstBuffer); // blocking reads: each waits for what comes
            var second = pty.Posix.ReadAsync(manager, new byte[64]);
            var write = pty.StartWrite(subsidiary, "x");
            var close = pty.Posix.CloseAsync(subsidiary);
            pty.Settle();

            Assert.Equal(1, pty.Done(write, "write").Value);
            Assert.True(pty.Done(close, "close").IsOk, pty.At("close"));
            Assert.Equal(1, pty.Done(first, "first read").Value); // the data, and the read stops before the EOF (D21)
            Assert.Equal((byte)'x', firstBuffer[0]);
            Assert.Equal(0, pty.Done(second, "second read").Value); // L13: the EOF, never lost (R10)
            Assert.Equal(1, pty.System.AllocatedMinors); // the manager still holds the pty (L11)
            pty.CloseAllAndCheckClean(manager);
        });
    }
}
