using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;


namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// Failed calls by errno and cause (issue 16): each cause follows from the call's name, its errno
/// and what its session had announced when it completed; what no rule explains is Unattributed.
/// </summary>
public class FailedCallCauseTests
{
    private long _nextCall;

    // Session 1, subsidiary epoch 1 open; `before` is what the session announces before the call completes.
    private FailureCause? CauseOf(string operation, string errno, params SoakEvent[] before)
    {
        var classifier = new CallFailureClassifier();
        var call = ++_nextCall;
        foreach (var e in (SoakEvent[])[new SessionStarted(1, 1), new SubsidiaryOpened(1, 1), new CallStarted(1, call, operation), .. before])
            classifier.Observe(e);
        return classifier.Complete(new CallCompleted(1, call, TimeSpan.FromMilliseconds(1), errno));
    }

    [Fact]
    public void A_call_that_succeeded_has_no_cause() => Assert.Null(CauseOf("write_m", "ok"));

    [Theory]
    [InlineData("write_m", "flow_control")]
    [InlineData("write_s", "flow_control")]
    [InlineData("read_m", "nothing_to_read")]
    [InlineData("read_s", "nothing_to_read")]
    [InlineData("open_pts_extra", "unattributed")]
    public void EAGAIN_is_flow_control_on_a_write_and_nothing_to_read_on_a_read_D19(string operation, string expected) =>
        Assert.Equal(expected, FailureCauses.Name(CauseOf(operation, "EAGAIN")!.Value));

    [Fact]
    public void EINVAL_on_the_workloads_ioctl_is_the_unknown_ioctl_D7_D8()
    {
        Assert.Equal(FailureCause.UnknownIoctl, CauseOf("ioctl_m", "EINVAL"));
        Assert.Equal(FailureCause.UnknownIoctl, CauseOf("ioctl_s", "EINVAL"));
    }

    [Fact]
    public void EINVAL_on_a_manager_write_is_the_sticky_error_only_once_a_subsidiary_has_gone_PD4()
    {
        Assert.Equal(FailureCause.Unattributed, CauseOf("write_m", "EINVAL"));
        Assert.Equal(FailureCause.StickyError, CauseOf("write_m", "EINVAL", new SubsidiaryClosing(1, 1, SideEnd.Close)));
        Assert.Equal(FailureCause.StickyError, CauseOf("flush_m", "EINVAL", new SubsidiaryClosing(1, 1, SideEnd.Close)));
        Assert.Equal(FailureCause.Unattributed, CauseOf("read_m", "EINVAL", new SubsidiaryClosing(1, 1, SideEnd.Close)));
    }

    [Fact]
    public void EIO_on_the_subsidiary_after_the_manager_closed_is_the_hang_up_L15()
    {
        Assert.Equal(FailureCause.HangUp, CauseOf("write_s", "EIO", new ManagerClosing(1, SideEnd.Close, false)));
        Assert.Equal(FailureCause.HangUp, CauseOf("ioctl_s", "ENXIO", new ManagerClosing(1, SideEnd.Close, false))); // PD6
        Assert.Equal(FailureCause.Unattributed, CauseOf("write_s", "EIO"));
    }

    [Fact]
    public void EIO_after_an_injected_crash_is_that_fault_PD13()
    {
        Assert.Equal(FailureCause.ManagerCrashed, CauseOf("read_m", "EIO", new ManagerClosing(1, SideEnd.Crash, false)));
        Assert.Equal(FailureCause.ManagerCrashed, CauseOf("write_s", "EIO", new ManagerClosing(1, SideEnd.Crash, false)));
        Assert.Equal(FailureCause.SubsidiaryCrashed, CauseOf("read_s", "EIO", new SubsidiaryClosing(1, 1, SideEnd.Crash)));
    }

    [Fact]
    public void The_manager_is_never_hung_up_so_its_EIO_without_a_crash_is_unattributed()
    {
        Assert.Equal(FailureCause.Unattributed, CauseOf("read_m", "EIO", new SubsidiaryClosing(1, 1, SideEnd.Crash)));
        Assert.Equal(FailureCause.Unattributed, CauseOf("write_m", "EIO", new ManagerClosing(1, SideEnd.Close, false)));
    }

    [Fact]
    public void An_abrupt_close_is_the_injected_fault_only_when_the_fault_announced_it()
    {
        var fault = new FaultInjected(FaultKind.AbruptClose, 1);
        Assert.Equal(FailureCause.AbruptClose, CauseOf("read_m", "EBADF", fault, new ManagerClosing(1, SideEnd.AbruptClose, false)));
        Assert.Equal(FailureCause.AbruptClose, CauseOf("write_s", "EIO", fault, new ManagerClosing(1, SideEnd.AbruptClose, false)));
        // An abrupt close the workload chose itself (unread input at the end) is no fault.
        Assert.Equal(FailureCause.OwnClose, CauseOf("read_m", "EBADF", new ManagerClosing(1, SideEnd.AbruptClose, false)));
        Assert.Equal(FailureCause.HangUp, CauseOf("write_s", "EIO", new ManagerClosing(1, SideEnd.AbruptClose, false)));
    }

    [Fact]
    public void EBADF_is_the_own_close_only_after_that_side_announced_its_close()
    {
        Assert.Equal(FailureCause.OwnClose, CauseOf("read_s", "EBADF", new SubsidiaryClosing(1, 1, SideEnd.Close)));
        Assert.Equal(FailureCause.OwnClose, CauseOf("read_m", "EBADF", new ManagerClosing(1, SideEnd.Close, false)));
        Assert.Equal(FailureCause.Unattributed, CauseOf("read_s", "EBADF", new ManagerClosing(1, SideEnd.Close, false)));
        Assert.Equal(FailureCause.Unattributed, CauseOf("read_m", "EBADF"));
    }

    [Fact]
    public void A_subsidiary_call_is_judged_by_the_epoch_it_was_issued_in()
    {
        var classifier = new CallFailureClassifier();
        foreach (var e in (SoakEvent[])[new SessionStarted(1, 1), new SubsidiaryOpened(1, 1), new CallStarted(1, 7, "read_s"),
                     new SubsidiaryClosing(1, 1, SideEnd.Crash), new SubsidiaryClosed(1, 1), new SubsidiaryOpened(1, 2)])
            classifier.Observe(e);

        Assert.Equal(FailureCause.SubsidiaryCrashed, classifier.Complete(new CallCompleted(1, 7, TimeSpan.Zero, "EIO")));
    }

    [Theory]
    [InlineData("EINTR")]
    [InlineData("ENOMEM")]
    [InlineData("EPERM")]
    public void An_errno_no_rule_of_the_workload_explains_is_unattributed(string errno) =>
        Assert.Equal(FailureCause.Unattributed, CauseOf("write_s", errno, new ManagerClosing(1, SideEnd.Close, false)));

    [Fact]
    public void The_statistics_count_failed_calls_by_errno_and_cause_and_single_out_the_unattributed()
    {
        var statistics = new SoakStatistics(() => TimeSpan.Zero);
        var trace = new TraceBuilder().Session(1).Open(1, 1);
        for (var i = 0; i < 3; i++) trace.Add(new CallStarted(1, 100 + i, "write_m")).Add(new CallCompleted(1, 100 + i, TimeSpan.Zero, "EAGAIN"));
        trace.Add(new CallStarted(1, 200, "read_m")).Add(new CallCompleted(1, 200, TimeSpan.Zero, "EIO"));
        trace.Call(1, "poll_m");
        foreach (var e in trace.Events) statistics.Observe(e);

        var calls = statistics.FailedCalls;
        Assert.Equal(5, statistics.Operations);
        Assert.Equal(4, statistics.FailedOperations);
        Assert.Equal(1, statistics.UnattributedFailures);
        Assert.Equal([new FailedCallRow("EAGAIN", FailureCause.FlowControl, 3), new FailedCallRow("EIO", FailureCause.Unattributed, 1)], calls.Rows);
        Assert.Equal((4L, 3L, 1L), (calls.Total, calls.Expected, calls.Unattributed));
        Assert.Equal(3, calls.ByCause.Single(c => c.Key == FailureCause.FlowControl).Value);
        Assert.Equal(FailureCauses.All.Length, calls.ByCause.Count);
    }
}
