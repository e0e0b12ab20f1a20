using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Modules.Stack;

/// <summary>
/// IXON's START must act even while ldterm's read side waits: input that echoes waits for room
/// on the write side (M4.1), and after a STOP that room never comes until output restarts (M3.6).
/// ldterm.c scans for STOP and START in ldtermrput, the put procedure, before any input waits.
/// </summary>
public class StartAfterStopTests
{
    /// <summary>
    /// ptem and ldterm on the subsidiary (with <paramref name="alsoInput"/> in its input modes),
    /// ^S from the manager stops output in ptem (M3.6), then the subsidiary writes until ldterm's
    /// write side is full behind it: how many bytes it got in.
    /// </summary>
    private static (int M, int S, int Accepted) StopAndFill(DeterministicPty pty, InputModes alsoInput = InputModes.None)
    {
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        StackModules.Push(pty, s, "ptem");
        StackModules.Push(pty, s, "ldterm");
        var modes = pty.Settled(pty.Posix.GetTermiosAsync(s), "TCGETS").Termios!;
        pty.Ok(pty.Posix.SetTermiosAsync(s, TerminalChange.Now, modes with { Input = modes.Input | alsoInput }), "TCSETS");
        pty.Write(m, "\u0013");
        return (m, s, StackModules.FillAtMost(pty, s, limit: 8 * 1024));
    }

    [Fact]
    public void A_start_character_typed_while_stopped_output_fills_the_stack_restarts_the_output()
    {
        using var pty = new DeterministicPty();
        var (m, s, accepted) = StopAndFill(pty);

        pty.Write(m, "\u0011"); // ^Q: it must not wait behind the echo room that only a restart can make
        Assert.Equal(accepted, FlowThroughTheStackTests.ReadAll(pty, m, accepted).Length);
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void A_literal_start_character_waiting_behind_stopped_output_leaves_it_stopped()
    {
        using var pty = new DeterministicPty();
        var (m, s, accepted) = StopAndFill(pty);

        pty.Write(m, "\u0016\u0011"); // ^V^Q: LNEXT makes the START an ordinary byte (M3)
        Assert.Null(pty.ReadNow(m)); // still stopped
        pty.Write(m, "\u0011");
        Assert.True(FlowThroughTheStackTests.ReadAll(pty, m, accepted).Length >= accepted);
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void With_IXANY_any_byte_waiting_behind_stopped_output_restarts_it()
    {
        using var pty = new DeterministicPty();
        var (m, s, accepted) = StopAndFill(pty, InputModes.IXANY);

        pty.Write(m, "z"); // M3: with IXANY any input restarts output
        Assert.True(FlowThroughTheStackTests.ReadAll(pty, m, accepted).Length >= accepted);
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void Input_that_waited_for_echo_room_behind_stopped_output_is_read_and_echoed_once_output_restarts()
    {
        using var pty = new DeterministicPty();
        var (m, s, accepted) = StopAndFill(pty);

        pty.Write(m, "ab\u0011c\n"); // typed ahead, the START in the middle
        var output = FlowThroughTheStackTests.ReadAll(pty, m, accepted + "abc\r\n".Length);
        Assert.EndsWith("abc\r\n", System.Text.Encoding.ASCII.GetString(output)); // the echo follows the held output (ONLCR)
        Assert.Equal("abc\n", pty.ReadText(s)); // the START is not input (ldterm.c drops it)
        pty.CloseAllAndCheckClean(m, s);
    }
}
