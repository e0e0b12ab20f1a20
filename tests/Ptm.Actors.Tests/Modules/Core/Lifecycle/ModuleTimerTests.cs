using Ptm.Actors.TestKit.Faults;
using Ptm.Actors.TestKit.Timing;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules.CoreLifecycle;

/// <summary>
/// A module's one timer (qtimeout, ldterm's VTIME, M4.1): arming again replaces it, disarming takes
/// it off the scheduler, a firing already on its way when it is disarmed is not delivered, and the
/// service procedures run after it fires, as after any other procedure of the module.
/// </summary>
public sealed class ModuleTimerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Arming_the_timer_again_replaces_the_first_arming()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        new LifecycleProbe().PushOn(pty, s);
        pty.Write(s, "arm 1000");
        pty.Write(s, "arm 5000");
        pty.Sleep(2 * Second);
        Assert.Null(pty.ReadNow(m)); // the first arming is gone: nothing fires at 1 s
        pty.Sleep(4 * Second);
        Assert.Equal("fired", Bytes.Text(pty.Drain(m))); // once, at 5 s
        pty.Sleep(10 * Second);
        Assert.Null(pty.ReadNow(m));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void Disarming_the_timer_takes_it_off_the_scheduler()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        new LifecycleProbe().PushOn(pty, s);
        var clock = pty.System.Clock();
        var before = clock.PendingTimers;
        pty.Write(s, "arm 1000");
        Assert.Equal(before + 1, clock.PendingTimers);
        pty.Write(s, "cancel");
        Assert.Equal(before, clock.PendingTimers); // untimeout: a module re-arming per character leaves nothing behind
        pty.Sleep(2 * Second);
        Assert.Null(pty.ReadNow(m));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_firing_already_queued_when_the_timer_is_disarmed_is_not_delivered()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var probe = new LifecycleProbe().PushOn(pty, s);
        pty.Write(s, "arm 1000");
        var faults = new FaultInjector(pty.System.ActorSystem);
        Task<SysResult> cancel;
        using (faults.Hold(probe.Actor)) // a busy module: the disarming write waits in its mailbox
        {
            cancel = pty.Posix.WriteAsync(s, Bytes.Of("cancel"));
            pty.Settle();
            pty.System.Clock().Advance(Second); // the timer fires now, so its message queues behind the write
        }
        pty.Settle();
        Assert.True(pty.Done(cancel, "write").IsOk);
        Assert.Null(pty.ReadNow(m)); // IModuleContext.CancelTimer: the stale firing is dropped
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_module_its_timer_releases_has_its_held_output_moved_on_without_an_enable()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        new LifecycleProbe { Holding = true, ArmAtOpen = Second, ReleaseWhenTimerFires = true }.PushOn(pty, s);
        pty.Write(s, "late");
        Assert.Null(pty.ReadNow(m)); // held: the module holds its write side (M3.6)
        pty.Sleep(Second);
        Assert.Equal("firedlate", Bytes.Text(pty.Drain(m))); // the service procedure ran after the timer
        pty.CloseAllAndCheckClean(m, s);
    }
}
