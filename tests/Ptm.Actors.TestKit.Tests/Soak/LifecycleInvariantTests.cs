using static Ptm.Actors.TestKit.Tests.Soak.TraceBuilder;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>L13 EOF, L15 hang-up, R9 calls, L16/PD2 minors, dead letters, the memory budget, and the trace's own contract.</summary>
public class LifecycleInvariantTests
{
    private static TraceBuilder Started() => new TraceBuilder().Minors(0).Session(1).Minors(1).Open(1, 1);

    private static TraceBuilder Finished(TraceBuilder trace) =>
        trace.CloseSubsidiaryAndReadEof(1, 1).CloseManager(1).TearDown(1).Minors(0);

    [Fact]
    public void A_second_end_of_file_for_one_last_close_is_eof_not_once()
    {
        var trace = Started().CloseSubsidiaryAndReadEof(1, 1).Add(new EofSeen(1, Side.Manager, 1)).CloseManager(1).TearDown(1).Minors(0);
        var first = Check.Only(Check.Run(trace), ViolationKind.EofNotOnce);
        Assert.Contains("twice", first.Detail);
    }

    [Fact]
    public void An_end_of_file_before_the_last_close_began_is_eof_not_once()
    {
        var trace = Started().Add(new EofSeen(1, Side.Manager, 1));
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.EofNotOnce);
        Assert.Contains("before its last close began", first.Detail);
    }

    [Fact]
    public void Reading_the_next_epochs_data_without_the_previous_end_of_file_is_eof_not_once()
    {
        var trace = Started().Add(new SubsidiaryClosing(1, 1, SideEnd.Close)).Add(new SubsidiaryClosed(1, 1))
            .Open(1, 2).Write(S2M(1, 2), 10).Read(S2M(1, 2), 0, 10)
            .CloseSubsidiaryAndReadEof(1, 2).CloseManager(1, SideEnd.AbruptClose).TearDown(1).Minors(0);
        var first = Check.Only(Check.Run(trace), ViolationKind.EofNotOnce);
        Assert.Contains("epoch 1", first.Detail);
        Assert.Contains("read from epoch 2 first", first.Detail);
    }

    [Fact]
    public void A_flush_of_the_manager_read_side_after_the_last_close_may_discard_the_end_of_file()
    {
        // D4, D5, D6: the EOF is a zero-length message in the manager's read queue; FLUSHR empties that queue.
        var trace = Started().Add(new SubsidiaryClosing(1, 1, SideEnd.Close)).Add(new SubsidiaryClosed(1, 1))
            .Add(new DiscardWindowOpened(S2M(1, 1), DiscardReason.Flush)).Add(new DiscardWindowClosed(S2M(1, 1), DiscardReason.Flush))
            .CloseManager(1).TearDown(1).Minors(0);
        Check.Clean(Check.Run(trace));
    }

    [Fact]
    public void A_flush_window_on_the_other_direction_does_not_excuse_a_missing_end_of_file()
    {
        var trace = Started().Add(new SubsidiaryClosing(1, 1, SideEnd.Close)).Add(new SubsidiaryClosed(1, 1))
            .Add(new DiscardWindowOpened(M2S(1, 1), DiscardReason.Flush)).Add(new DiscardWindowClosed(M2S(1, 1), DiscardReason.Flush))
            .CloseManager(1).TearDown(1).Minors(0);
        var first = Check.Only(Check.Run(trace), ViolationKind.EofNotOnce);
        Assert.Contains("closed without having read it", first.Detail);
    }

    [Fact]
    public void An_orderly_manager_close_without_the_owed_end_of_file_is_eof_not_once()
    {
        var trace = Started().Add(new SubsidiaryClosing(1, 1, SideEnd.Crash)).Add(new SubsidiaryClosed(1, 1))
            .CloseManager(1).TearDown(1).Minors(0);
        var first = Check.Only(Check.Run(trace), ViolationKind.EofNotOnce);
        Assert.Contains("closed without having read it", first.Detail);
    }

    [Fact]
    public void No_end_of_file_is_owed_when_the_manager_closed_first()
    {
        var trace = Started().CloseManager(1).Add(new HangupSeen(1, 1))
            .Add(new SubsidiaryClosing(1, 1, SideEnd.Close)).Add(new SubsidiaryClosed(1, 1)).TearDown(1).Minors(0);
        Check.Clean(Check.Run(trace));
    }

    [Fact]
    public void An_orderly_subsidiary_close_after_its_manager_went_without_a_hang_up_is_hangup_missing()
    {
        var trace = Started().CloseManager(1, SideEnd.Crash)
            .Add(new SubsidiaryClosing(1, 1, SideEnd.Close)).Add(new SubsidiaryClosed(1, 1)).TearDown(1).Minors(0);
        var first = Check.Only(Check.Run(trace), ViolationKind.HangupMissing);
        Assert.Contains("epoch 1", first.Detail);
    }

    [Fact]
    public void A_subsidiary_opened_in_the_race_with_its_managers_close_is_owed_the_hang_up_too()
    {
        // PD3: an open racing the close either fails EAGAIN or succeeds and then receives the hang-up.
        var trace = new TraceBuilder().Minors(0).Session(1).Minors(1).Open(1, 1)
            .Add(new SubsidiaryClosing(1, 1, SideEnd.Close)).Add(new SubsidiaryClosed(1, 1)).Add(new EofSeen(1, Side.Manager, 1))
            .CloseManager(1).Open(1, 2)
            .Add(new SubsidiaryClosing(1, 2, SideEnd.Close)).TearDown(1).Minors(0);
        Check.Only(Check.Run(trace), ViolationKind.HangupMissing);
    }

    [Fact]
    public void A_hang_up_while_the_manager_is_open_is_hangup_unexpected()
    {
        var trace = Started().Add(new HangupSeen(1, 1));
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.HangupUnexpected);
        Assert.Contains("while its manager was open", first.Detail);
    }

    [Fact]
    public void A_subsidiary_end_of_file_while_the_manager_is_open_is_hangup_unexpected()
    {
        var trace = Started().Add(new EofSeen(1, Side.Subsidiary, 1));
        Check.Only(Check.Run(Finished(trace)), ViolationKind.HangupUnexpected);
    }

    [Fact]
    public void A_call_still_open_after_teardown_is_call_hung()
    {
        var trace = Started().Call(1, "write").Add(new CallStarted(1, 99, "read m"));
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.CallHung);
        Assert.Contains("call 99 (read m)", first.Detail);
    }

    [Fact]
    public void A_call_still_open_when_the_workload_ends_is_call_hung()
    {
        var log = Check.Run(Started().Add(new CallStarted(1, 7, "ioctl")));
        Assert.Equal(1, log.Count(ViolationKind.CallHung));
        Assert.Contains("call 7 (ioctl)", log.First(ViolationKind.CallHung)!.Detail);
        Assert.Contains("without tearing the session down", log.First(ViolationKind.HarnessError)!.Detail);
    }

    [Fact]
    public void Minors_still_allocated_at_the_end_are_minor_leak()
    {
        var trace = Finished(Started()).Minors(2);
        var first = Check.Only(Check.Run(trace), ViolationKind.MinorLeak);
        Assert.Contains("2 minors", first.Detail);
    }

    [Fact]
    public void More_minors_than_the_limit_is_minor_limit_exceeded()
    {
        var trace = Finished(Started().Minors(5, limit: 4).Minors(4, limit: 4).Minors(7, limit: 0));
        var first = Check.Only(Check.Run(trace), ViolationKind.MinorLimitExceeded);
        Assert.Contains("5 minors allocated with the limit at 4", first.Detail);
    }

    [Fact]
    public void An_unexpected_dead_letter_is_a_violation_and_an_expected_one_is_not()
    {
        var trace = Finished(Started()
            .Add(new DeadLetter("Resume", "subsidiary-1", Expected: true))
            .Add(new DeadLetter("MData", "manager-1", Expected: false)));
        var first = Check.Only(Check.Run(trace), ViolationKind.DeadLetter);
        Assert.Contains("MData to manager-1", first.Detail);
    }

    [Fact]
    public void Memory_over_base_plus_per_pty_allowance_is_memory_budget()
    {
        var budget = new MemoryBudget(1 << 20, 1 << 10);
        var trace = Finished(Started()
            .Add(new MemorySample((1 << 20) + 10 * 1024, 10))
            .Add(new MemorySample((1 << 20) + 10 * 1024 + 1, 10)));
        var log = Check.Run(trace, budget);
        Assert.Equal(1, log.Count(ViolationKind.MemoryBudget));
        Check.Only(log, ViolationKind.MemoryBudget);
    }

    [Fact]
    public void A_run_that_never_sampled_the_minors_cannot_pass()
    {
        var trace = new TraceBuilder().Session(1).Open(1, 1).CloseSubsidiaryAndReadEof(1, 1).CloseManager(1).TearDown(1);
        var first = Check.Only(Check.Run(trace), ViolationKind.HarnessError);
        Assert.Contains("no count of allocated minors", first.Detail);
    }

    [Fact]
    public void A_write_that_does_not_continue_the_stream_is_a_harness_error()
    {
        var trace = Started().Add(new WriteStarted(M2S(1, 1), 50, 10));
        Check.Only(Check.Run(Finished(trace)), ViolationKind.HarnessError);
    }

    [Fact]
    public void Events_for_a_session_after_its_teardown_are_late_not_violations()
    {
        var log = new ViolationLog(Serilog.Core.Logger.None);
        var checker = new InvariantChecker(log, MemoryBudget.Default);
        foreach (var e in Finished(Started()).Events) checker.Observe(e);
        checker.Observe(new CallCompleted(1, 5, TimeSpan.Zero, "EIO"));
        checker.Finish();
        Check.Clean(log);
        Assert.Equal(1, checker.LateEvents);
    }

    [Fact]
    public void Settled_epochs_are_forgotten_so_memory_follows_live_sessions()
    {
        var trace = new TraceBuilder().Minors(0).Session(1).Minors(1);
        for (var epoch = 1; epoch <= 50; epoch++)
            trace.Open(1, epoch).Write(S2M(1, epoch), 10).Read(S2M(1, epoch), 0, 10).CloseSubsidiaryAndReadEof(1, epoch);
        var log = new ViolationLog(Serilog.Core.Logger.None);
        var checker = new InvariantChecker(log, MemoryBudget.Default);
        foreach (var e in trace.Events) checker.Observe(e);
        Check.Clean(log);
        Assert.InRange(checker.TrackedEpochs(1), 1, 3);
    }

    [Fact]
    public void A_manager_hang_up_is_hangup_unexpected()
    {
        var trace = Started().Add(new ManagerHangupSeen(1));
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.HangupUnexpected);
        Assert.Contains("L13", first.Detail);
    }

    [Fact]
    public void A_teardown_that_skips_an_epochs_close_is_a_harness_error()
    {
        var trace = Started().CloseManager(1).Add(new HangupSeen(1, 1)).TearDown(1).Minors(0);
        var first = Check.Only(Check.Run(trace), ViolationKind.HarnessError);
        Assert.Contains("never announced its last close", first.Detail);
    }
}
