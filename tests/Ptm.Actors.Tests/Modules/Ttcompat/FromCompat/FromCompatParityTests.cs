using Ptm.Actors.Modules;
using static Ptm.Actors.Tests.Modules.TtcompatFrom.CompatStates;

namespace Ptm.Actors.Tests.Modules.TtcompatFrom;

/// <summary>
/// The character size, parity and output processing from_compat (ttcompat.c, 6.4) derives from
/// LITOUT, PASS8, EVENP, ODDP and the NOPOST extended flag, for a cooked (not RAW) state.
/// </summary>
public sealed class FromCompatParityTests
{
    // The columns are what from_compat adds to c_iflag and c_cflag beyond the cooked input modes
    // and CREAD plus the speed, and whether OPOST is set:
    //  - LITOUT: CS8, and no OPOST whatever NOPOST says; PASS8: CS8 (parity bits ignored);
    //  - neither: by (EVENP|ODDP): none -> ISTRIP, CS8; EVENP -> INPCK|ISTRIP, CS7|PARENB;
    //    ODDP -> INPCK|ISTRIP, CS7|PARENB|PARODD; both ("any parity") -> ISTRIP, CS7|PARENB;
    //  - OPOST unless LITOUT or NOPOST.
    [Theory]
    [InlineData(0, 0, InputModes.ISTRIP, ControlModes.CS8, true)]
    [InlineData(CompatState.EvenParity, 0, InputModes.INPCK | InputModes.ISTRIP, Cs7 | ControlModes.PARENB, true)]
    [InlineData(CompatState.OddParity, 0, InputModes.INPCK | InputModes.ISTRIP, Cs7 | ControlModes.PARENB | ControlModes.PARODD, true)]
    [InlineData(CompatState.OddParity | CompatState.EvenParity, 0, InputModes.ISTRIP, Cs7 | ControlModes.PARENB, true)]
    [InlineData(CompatState.EvenParity, NoPost, InputModes.INPCK | InputModes.ISTRIP, Cs7 | ControlModes.PARENB, false)]
    [InlineData(CompatState.Pass8, 0, InputModes.None, ControlModes.CS8, true)]
    [InlineData(CompatState.Pass8 | CompatState.EvenParity, 0, InputModes.None, ControlModes.CS8, true)]
    [InlineData(CompatState.Pass8, NoPost, InputModes.None, ControlModes.CS8, false)]
    [InlineData(CompatState.LitOut, 0, InputModes.None, ControlModes.CS8, false)]
    [InlineData(CompatState.LitOut | CompatState.OddParity, 0, InputModes.None, ControlModes.CS8, false)]
    public void Size_parity_and_output_processing_follow_LITOUT_PASS8_and_the_parity_bits(
        int flags, int xflags, InputModes input, ControlModes control, bool opost)
    {
        var termios = Cooked(flags, xflags).FromCompat(Blank);

        Assert.Equal(CookedInput | input, termios.Input);
        Assert.Equal(ControlModes.CREAD | (ControlModes)B9600 | control, termios.Control);
        Assert.Equal(opost ? OutputModes.OPOST : OutputModes.None, termios.Output);
    }
}
