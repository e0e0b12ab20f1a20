using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// An M_FLUSH(FLUSHW) coming up is turned round down by the stream head as FLUSHW alone
/// (strrput clears FLUSHR): ldterm, which sent it up for an interrupt character, knows its
/// return by exactly that and swallows it (TS_FLUSHWAIT), so the echo that followed the
/// interrupt is not flushed a second time on its way to the manager (M1).
/// </summary>
public class TurnedRoundFlushTests
{
    [Fact]
    public void M1_the_echo_of_an_interrupt_character_survives_the_flush_it_raised()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        pty.Ok(pty.Posix.PushAsync(s, "ptem"));
        pty.Ok(pty.Posix.PushAsync(s, "ldterm"));
        pty.Write(m, "\x03"); // ^C: ISIG flushes both ways, then echoes it (ECHOCTL)
        Assert.Equal("^C", pty.ReadText(m));
        Assert.Equal(new[] { Signal.SIGINT }, pty.Settled(pty.Posix.TakeSignalsAsync(s)).Signals);
        pty.CloseAllAndCheckClean(m, s);
    }
}
