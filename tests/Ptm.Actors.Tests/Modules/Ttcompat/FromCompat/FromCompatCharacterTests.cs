using Ptm.Actors.Modules;
using static Ptm.Actors.Tests.Modules.TtcompatFrom.CompatStates;

namespace Ptm.Actors.Tests.Modules.TtcompatFrom;

/// <summary>
/// The control characters from_compat (ttcompat.c, 6.4) writes: the twelve of sgttyb, tchars and
/// ltchars always, EOF and EOL (tchars' eofc and brkc) only for canonical input, where
/// non-canonical input gets VMIN 1 and VTIME 0 instead; 0377 (disabled in the old interface)
/// becomes 0, and VEOL2 and VSTATUS are cleared. IXON is on when START and STOP both are.
/// </summary>
public sealed class FromCompatCharacterTests
{
    private static CompatState State(int flags)
    {
        var state = Cooked(flags);
        (state.Erase, state.Kill, state.Intr, state.Quit) = (0x08, 0x18, 0x7f, 0x1c);
        (state.Start, state.Stop, state.Susp, state.DSusp) = (0x11, 0x13, 0x1a, 0x19);
        (state.Reprint, state.Discard, state.WErase, state.LNext) = (0x12, 0x0f, 0x17, 0xff);
        (state.Eof, state.Brk) = (0x04, 0x0a);
        return state;
    }

    // Indexed by ControlChar: VINTR VQUIT VERASE VKILL VEOF VEOL VEOL2 VSWTCH VSTART VSTOP VSUSP
    // VDSUSP VREPRINT VDISCARD VWERASE VLNEXT VSTATUS, then two spare slots. VSWTCH and the spares
    // are not the old interface's: they keep the current termios' 0x47, 0x51, 0x52.
    [Fact]
    public void A_canonical_set_writes_all_fourteen_characters_and_clears_VEOL2_and_VSTATUS()
    {
        var termios = State(CompatState.Pass8).FromCompat(Lettered);
        byte[] expected = [0x7f, 0x1c, 0x08, 0x18, 0x04, 0x0a, 0, 0x47, 0x11, 0x13, 0x1a, 0x19, 0x12, 0x0f, 0x17, 0, 0, 0x51, 0x52];
        Assert.Equal(expected, termios.ControlChars.ToArray());
    }

    [Fact]
    public void A_CBREAK_set_writes_VMIN_1_and_VTIME_0_where_EOF_and_EOL_would_go()
    {
        var termios = State(CompatState.Pass8 | CompatState.Cbreak).FromCompat(Lettered);
        byte[] expected = [0x7f, 0x1c, 0x08, 0x18, 1, 0, 0, 0x47, 0x11, 0x13, 0x1a, 0x19, 0x12, 0x0f, 0x17, 0, 0, 0x51, 0x52];
        Assert.Equal(expected, termios.ControlChars.ToArray());
    }

    [Theory]
    [InlineData(0x11, 0x13, true)]
    [InlineData(0xff, 0x13, false)]
    [InlineData(0x11, 0xff, false)]
    [InlineData(0xff, 0xff, false)]
    public void IXON_is_on_only_when_both_START_and_STOP_are_enabled(byte start, byte stop, bool ixon)
    {
        var state = Cooked();
        (state.Start, state.Stop) = (start, stop);
        var termios = state.FromCompat(Blank);
        Assert.Equal(ixon ? InputModes.IXON : InputModes.None, termios.Input & InputModes.IXON);
    }
}
