using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules.Stack;

/// <summary>
/// Flow control through pushed modules (D13, D14, D15, M4.1): every hop is held by the queue it puts
/// into, every wake-up reaches the producer it holds, and after the last pop the stream head's
/// own consumption reports take over again.
/// </summary>
public class FlowThroughTheStackTests
{
    [Fact]
    public void Subsidiary_output_many_times_the_queues_passes_through_two_modules_whole()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        StackModules.Push(pty, s, StackModules.Pass);
        StackModules.Push(pty, s, StackModules.Pass);
        var data = Bytes.Repeat('y', 16 * 1024); // eight times pts's high water: every hop fills and is back-enabled many times (D15)
        var write = pty.Posix.WriteAsync(s, data);
        Assert.Equal(data.Length, ReadAll(pty, m, data.Length).Length);
        Assert.Equal(data.Length, pty.Done(write, "the blocked write").Value);
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void Output_stopped_in_ptem_holds_the_writer_at_the_top_module()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        StackModules.Push(pty, s, "ptem");
        StackModules.Push(pty, s, "ldterm");
        pty.Write(m, "\u0013"); // ^S: ldterm's IXON stops ptem's output (M3.6)
        Assert.Null(pty.ReadNow(s));
        // D14: the head may put only while the top module's write queue has room, though nothing below ptem is full.
        StackModules.FillAtMost(pty, s, limit: 8 * 1024);
        Assert.Null(pty.ReadNow(m));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void After_the_last_pop_the_subsidiary_head_holds_the_manager_again_at_its_high_water()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        StackModules.Push(pty, s, StackModules.Pass);
        pty.Write(m, "through the module");
        pty.Ok(pty.Posix.PopAsync(s), "I_POP");
        Assert.Equal("through the module", pty.ReadText(s));
        // D14, PD11: what the head holds is not consumed until read, so the manager is held again.
        var accepted = StackModules.FillAtMost(pty, m, limit: 16 * 1024);
        Assert.Equal(accepted, pty.Drain(s).Length);
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_push_onto_a_full_subsidiary_head_counts_what_it_holds_as_consumed_so_held_output_moves_on()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var accepted = StackModules.FillAtMost(pty, m, limit: 16 * 1024); // the subsidiary's head is full, ptm's queue holds the rest
        StackModules.Push(pty, s, StackModules.Pass);
        // D15: the head's bytes have left the driver; the peer hears that at the push, or nothing would ever wake ptm's queue.
        Assert.Equal(accepted, ReadAll(pty, s, accepted).Length);
        pty.CloseAllAndCheckClean(m, s);
    }

    /// <summary>Reads a non-blocking descriptor until <paramref name="expected"/> bytes came; fails when a read finds nothing more on its way.</summary>
    internal static byte[] ReadAll(DeterministicPty pty, int fd, int expected)
    {
        var all = new List<byte>();
        while (all.Count < expected)
        {
            pty.Settle(); // what is on its way arrives before the non-blocking read looks
            var more = pty.Drain(fd);
            Assert.True(more.Length > 0, pty.At($"{all.Count} of {expected} bytes arrived, then nothing more: a hop was never woken (D15)"));
            all.AddRange(more);
        }
        return all.ToArray();
    }
}
