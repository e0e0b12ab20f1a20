using Ptm.Actors.TestKit.Timing;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules.CoreLifecycle;

/// <summary>
/// I_POP (M4.2): the module's close routine runs, its timer goes with it, and what it held on its
/// write side is freed as qdetach frees it, even when its close routine releases that side.
/// </summary>
public sealed class PopClosesTheModuleTests
{
    [Fact]
    public void The_close_routine_runs_at_a_pop_and_what_it_sends_up_reaches_the_head()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        new LifecycleProbe { SaysAtClose = "closed" }.PushOn(pty, s);
        pty.Ok(pty.Posix.PopAsync(s), "I_POP");
        Assert.Equal("closed", pty.ReadNow(s)); // as ldterm's close sends its M_SETOPTS
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_popped_module_leaves_no_timer_on_the_scheduler()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var clock = pty.System.Clock();
        var before = clock.PendingTimers;
        new LifecycleProbe { ArmAtOpen = TimeSpan.FromSeconds(10) }.PushOn(pty, s); // its close routine does not disarm it
        Assert.Equal(before + 1, clock.PendingTimers);
        pty.Ok(pty.Posix.PopAsync(s), "I_POP");
        Assert.Equal(before, clock.PendingTimers);
        pty.Sleep(TimeSpan.FromSeconds(20));
        Assert.Null(pty.ReadNow(m));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void Output_a_popped_module_held_is_freed_even_when_its_close_routine_releases_its_write_side()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        new LifecycleProbe().PushOn(pty, s); // below: so the pop waits for its Rewired, and the Enable runs first
        new LifecycleProbe { Holding = true, ReleaseAtClose = true }.PushOn(pty, s);
        pty.Write(s, "held");
        Assert.Null(pty.ReadNow(m));
        pty.Ok(pty.Posix.PopAsync(s), "I_POP");
        Assert.Null(pty.ReadNow(m)); // qdetach freed it: the released service procedure finds nothing
        pty.Write(s, "after");
        Assert.Equal("after", Bytes.Text(pty.Drain(m)));
        pty.CloseAllAndCheckClean(m, s);
    }
}
