using Ptm.Actors.Pty;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules.Stack;

/// <summary>
/// The last close with modules pushed (M4.2, H3): a blocking close waits for each module's write
/// queue to drain before it pops it, at most 15 s a module, so output still in a module is
/// delivered, not freed; a non-blocking close does not wait.
/// </summary>
public class CloseDrainThroughModulesTests
{
    [Fact]
    public void A_blocking_last_close_waits_for_the_module_to_drain_and_the_manager_gets_all_of_it()
    {
        using var pty = new DeterministicPty();
        var (m, s, writer) = OpenWithOutputHeldInTheModule(pty);
        var accepted = StackModules.FillAtMost(pty, writer, limit: 16 * 1024, size: 100);
        pty.Close(writer);
        var close = pty.Posix.CloseAsync(s);
        pty.Settle();
        Assert.False(close.IsCompleted, pty.At("the blocking close returned while output still waited in the module (H3)"));
        Assert.Equal(accepted, FlowThroughTheStackTests.ReadAll(pty, m, accepted).Length);
        Assert.True(pty.Done(close, "the blocking close").IsOk); // woken by the drain, with no timer run (D15)
        pty.CloseAllAndCheckClean(m);
    }

    [Fact]
    public void A_blocking_last_close_whose_module_never_drains_pops_it_after_15_seconds()
    {
        using var pty = new DeterministicPty();
        var (m, s, writer) = OpenWithOutputHeldInTheModule(pty);
        StackModules.FillAtMost(pty, writer, limit: 16 * 1024, size: 100);
        pty.Close(writer);
        var close = pty.Posix.CloseAsync(s);
        pty.Settle(); // the close starts waiting now, at virtual time 0
        pty.Sleep(SideActor.CloseTime - TimeSpan.FromSeconds(1));
        Assert.False(close.IsCompleted, pty.At("the close gave up on the module before 15 s (H3)"));
        pty.Sleep(TimeSpan.FromSeconds(1)); // the module's 15 s are over: it is popped and what it held is freed
        pty.Sleep(SideActor.CloseTime); // then the driver's own wait of H3 for pts's queue, which nobody reads either
        Assert.True(pty.Done(close, "the blocking close").IsOk);
        pty.CloseAllAndCheckClean(m);
    }

    /// <summary>
    /// A pair whose subsidiary has a pass-through module pushed, opened twice: a non-blocking
    /// descriptor to fill with (the manager does not read, so output backs up into the module)
    /// and a blocking one whose close is the last.
    /// </summary>
    private static (int Manager, int Subsidiary, int Writer) OpenWithOutputHeldInTheModule(DeterministicPty pty)
    {
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        StackModules.Push(pty, s, StackModules.Pass);
        return (m, s, pty.OpenSubsidiary(pty.PathOf(m), OpenFlags.NonBlock));
    }
}
