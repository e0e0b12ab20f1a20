using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// SO_MREADON (M1): with ldterm in non-canonical mode, a reader the head has to hold sends an
/// M_READ down, which is how ldterm learns that a read is waiting (VMIN/VTIME). A zero-count
/// read never waits (H4), so it sends none.
/// </summary>
public class ReadNotifyTests
{
    [Fact]
    public void M1_a_held_read_sends_m_read_and_with_vmin_0_vtime_0_returns_0_at_once()
    {
        using var pty = new DeterministicPty();
        var (m, s) = RawPair(pty);
        Assert.Equal(0, pty.Ok(pty.Posix.ReadAsync(s, new byte[16]), "the VMIN 0, VTIME 0 read")); // ldterm answers the M_READ with nothing
        pty.Write(m, "ab");
        Assert.Equal("ab", pty.ReadText(s));
        pty.CloseAllAndCheckClean(m, s);
    }

    [Fact]
    public void H4_a_zero_count_read_sends_no_m_read_so_no_empty_answer_is_left_for_the_next_read()
    {
        using var pty = new DeterministicPty();
        var (m, s) = RawPair(pty);
        Assert.Equal(0, pty.Ok(pty.Posix.ReadAsync(s, Memory<byte>.Empty), "the zero-count read"));
        pty.Write(m, "ab");
        Assert.Equal("ab", pty.ReadText(s)); // not the 0 an M_READ from the zero-count read would have left queued
        pty.CloseAllAndCheckClean(m, s);
    }

    /// <summary>A pair whose subsidiary is a terminal in non-canonical mode, VMIN 0 and VTIME 0 (no echo, so the manager reads only what it is sent).</summary>
    private static (int Manager, int Subsidiary) RawPair(DeterministicPty pty)
    {
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "ptem"));
        pty.Ok(pty.Posix.PushAsync(s, "ldterm"));
        var raw = (Termios.Default with { Local = Termios.Default.Local & ~(LocalModes.ICANON | LocalModes.ECHO) })
            .With(ControlChar.VMIN, 0).With(ControlChar.VTIME, 0);
        pty.Ok(pty.Posix.SetTermiosAsync(s, TerminalChange.Now, raw), "tcsetattr");
        return (m, s);
    }
}
