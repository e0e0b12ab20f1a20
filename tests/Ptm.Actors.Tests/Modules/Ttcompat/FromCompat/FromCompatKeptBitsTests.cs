using Ptm.Actors.Modules;
using static Ptm.Actors.Tests.Modules.TtcompatFrom.CompatStates;

namespace Ptm.Actors.Tests.Modules.TtcompatFrom;

/// <summary>
/// from_compat (ttcompat.c, 6.4) rebuilds the termios from the old state: of the TCGETS answer it
/// keeps only ONLRET and ONOCR of the output modes and the hardware bits CRTSCTS, CRTSXOFF,
/// PAREXT, LOBLK and HUPCL of the control modes; the input and local modes start from nothing.
/// </summary>
public sealed class FromCompatKeptBitsTests
{
    private static readonly Termios AllSet = Blank with
    {
        Input = (InputModes)uint.MaxValue, Output = (OutputModes)uint.MaxValue,
        Control = (ControlModes)uint.MaxValue, Local = (LocalModes)uint.MaxValue,
    };

    [Fact]
    public void A_cooked_state_over_a_termios_with_every_bit_set_keeps_only_what_ttcompat_keeps()
    {
        var termios = Cooked().FromCompat(AllSet);

        // c_iflag = 0, then the cooked additions; c_lflag = ECHOK, then IEXTEN, ISIG, ICANON.
        Assert.Equal(CookedInput, termios.Input);
        Assert.Equal(OutputModes.ONLRET | OutputModes.ONOCR | OutputModes.OPOST, termios.Output);
        Assert.Equal(CrtsCts | CrtsXoff | ParExt | LoBlk | ControlModes.HUPCL | ControlModes.CREAD | ControlModes.CS8 | (ControlModes)B9600, termios.Control);
        Assert.Equal(LocalModes.ECHOK | LocalModes.IEXTEN | LocalModes.ISIG | LocalModes.ICANON, termios.Local);
    }

    [Fact]
    public void ONLRET_and_ONOCR_of_the_current_termios_survive_a_set()
    {
        var current = Blank with { Output = OutputModes.ONLRET | OutputModes.ONOCR | OutputModes.OCRNL };
        var termios = Cooked().FromCompat(current);
        Assert.Equal(OutputModes.ONLRET | OutputModes.ONOCR | OutputModes.OPOST, termios.Output);
    }
}
