using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Oracle;


namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// call_hung at the moment (R9): once the rules owe a call an answer (its peer hung up, closed or
/// crashed; its own side closed), it gets the checker's patience in the system's time
/// (TimePassed), and is reported with its session when that runs out, not only at teardown.
/// </summary>
public class OwedCallTests
{
    private static readonly TimeSpan Patience = InvariantChecker.DefaultCallPatience;

    private static TraceBuilder Started() => new TraceBuilder().Minors(0).Session(7, minor: 3).Minors(1).Open(7, 1).Add(At(0));

    private static TimePassed At(double seconds) => new(TimeSpan.FromSeconds(seconds));

    private static TraceBuilder Pending(TraceBuilder trace, long call, string operation) => trace.Add(new CallStarted(7, call, operation));

    private static TraceBuilder Answered(TraceBuilder trace, long call, string outcome = "ok") =>
        trace.Add(new CallCompleted(7, call, TimeSpan.FromMilliseconds(1), outcome));

    private static TraceBuilder Finished(TraceBuilder trace) => trace.TearDown(7).Minors(0);

    /// <summary>The manager closes while the subsidiary stays open: the subsidiary must see the hang-up (L14, L15).</summary>
    private static TraceBuilder ManagerGone(TraceBuilder trace) => trace.CloseManager(7).Add(new HangupSeen(7, 1));

    [Fact]
    public void A_subsidiary_read_still_parked_a_patience_after_its_managers_close_is_call_hung_at_that_moment()
    {
        var trace = ManagerGone(Pending(Started(), 1, "read_s")).Add(At(Patience.TotalSeconds + 0.001));
        var log = Check.Run(trace, finish: false);

        var hung = Check.Only(log, ViolationKind.CallHung);
        Assert.Equal(7, hung.Session);
        Assert.Contains("read_s", hung.Detail);
        Assert.Contains("after its manager's close completed", hung.Detail);
    }

    [Fact]
    public void A_subsidiary_read_answered_within_the_patience_after_the_hang_up_is_clean()
    {
        var trace = ManagerGone(Pending(Started(), 1, "read_s")).Add(At(Patience.TotalSeconds - 0.5));
        Answered(trace, 1).Add(new EofSeen(7, Side.Subsidiary, 1)).Add(At(10)).Add(new SubsidiaryClosing(7, 1, SideEnd.Close)).Add(new SubsidiaryClosed(7, 1));

        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void A_read_started_after_the_hang_up_is_owed_an_answer_too()
    {
        var trace = Pending(ManagerGone(Started()).Add(At(1)), 1, "read_s").Add(At(1 + Patience.TotalSeconds));

        Assert.Equal(ViolationKind.CallHung, Check.Only(Check.Run(trace, finish: false), ViolationKind.CallHung).Kind);
    }

    [Fact]
    public void A_call_reported_hung_at_the_moment_is_not_reported_again_at_teardown()
    {
        var trace = ManagerGone(Pending(Started(), 1, "write_s")).Add(At(10)).Add(new SubsidiaryClosing(7, 1, SideEnd.AbruptClose)).Add(new SubsidiaryClosed(7, 1));
        var log = Check.Run(Finished(trace));

        Assert.Equal(1, log.Count(ViolationKind.CallHung));
    }

    [Fact]
    public void A_manager_read_parked_after_the_subsidiarys_last_close_while_its_end_of_file_is_owed_is_call_hung()
    {
        var trace = Pending(Started(), 1, "read_m").Add(new SubsidiaryClosing(7, 1, SideEnd.Close)).Add(new SubsidiaryClosed(7, 1)).Add(At(Patience.TotalSeconds));
        var hung = Check.Only(Check.Run(trace, finish: false), ViolationKind.CallHung);

        Assert.Contains("whose EOF the manager had not read (L13)", hung.Detail);
    }

    [Fact]
    public void A_manager_read_parked_after_a_flush_that_may_have_discarded_the_end_of_file_is_not_owed()
    {
        var trace = Pending(Started(), 1, "read_m").Add(new SubsidiaryClosing(7, 1, SideEnd.Close)).Add(new SubsidiaryClosed(7, 1))
            .Add(new DiscardWindowOpened(TraceBuilder.S2M(7, 1), DiscardReason.Flush)).Add(new DiscardWindowClosed(TraceBuilder.S2M(7, 1), DiscardReason.Flush))
            .Add(At(Patience.TotalSeconds * 3));

        Check.Clean(Check.Run(trace, finish: false));
    }

    [Fact]
    public void A_manager_write_held_after_the_subsidiarys_last_close_is_not_owed_an_answer()
    {
        // PD5: ptm keeps what flow control held; a blocking write stays pending until a flush or the close.
        var trace = Pending(Started(), 1, "write_m").Add(new SubsidiaryClosing(7, 1, SideEnd.Close)).Add(new SubsidiaryClosed(7, 1))
            .Add(new EofSeen(7, Side.Manager, 1)).Add(At(Patience.TotalSeconds * 3));

        Check.Clean(Check.Run(trace, finish: false));
    }

    [Fact]
    public void A_subsidiary_close_waiting_for_the_clone_after_the_hang_up_is_left_to_the_teardown_check()
    {
        // The close returns once the Clone has run ptms_close (L16), which timer_delay may hold.
        var trace = ManagerGone(Started()).Add(new SubsidiaryClosing(7, 1, SideEnd.Close));
        Pending(trace, 1, "close_s").Add(At(Patience.TotalSeconds * 3));
        Answered(trace, 1).Add(new SubsidiaryClosed(7, 1));

        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void A_leaked_minor_is_named_with_its_last_session()
    {
        var trace = Started().Add(new SubsidiaryClosing(7, 1, SideEnd.Close)).Add(new SubsidiaryClosed(7, 1)).Add(new EofSeen(7, Side.Manager, 1))
            .CloseManager(7, SideEnd.Crash).TearDown(7).Add(new MinorsStillAllocated([3])).Minors(1);
        var leak = Check.Only(Check.Run(trace), ViolationKind.MinorLeak);

        Assert.Equal(7, leak.Session);
        Assert.Contains("minor 3 (/dev/pts/3)", leak.Detail);
        Assert.Contains("its last session was 7", leak.Detail);
    }
}
