using Ptm.Actors.Modules;
using static Ptm.Actors.Tests.Modules.TtcompatFrom.CompatStates;

namespace Ptm.Actors.Tests.Modules.TtcompatFrom;

/// <summary>
/// RAW in from_compat (ttcompat.c, 6.4): 8-bit characters, and of the input and local bits the
/// other mode bits asked for, ICRNL, IUCLC, XCASE and IEXTEN are taken away again; the
/// cooked-path bits (IMAXBEL, BRKINT, IGNPAR, IXON, parity, OPOST, ISIG, ICANON, ECHOCTL) never come.
/// </summary>
public sealed class FromCompatRawTests
{
    [Fact]
    public void RAW_strips_the_input_mapping_and_case_bits_but_keeps_TANDEM_ECHO_and_the_output_mapping()
    {
        var flags = CompatState.Raw | CompatState.Tandem | CompatState.Lcase | CompatState.Echo | CompatState.Crmod |
            CompatState.EvenParity | CompatState.CtlEch;
        var current = Blank with { Output = OutputModes.ONLRET };

        var termios = Cooked(flags).FromCompat(current);

        Assert.Equal(InputModes.IXOFF | InputModes.IXANY, termios.Input);
        Assert.Equal(OutputModes.ONLRET | OutputModes.OLCUC | OutputModes.ONLCR, termios.Output);
        Assert.Equal(ControlModes.CREAD | ControlModes.CS8 | (ControlModes)B9600, termios.Control);
        Assert.Equal(LocalModes.ECHOK | LocalModes.ECHO, termios.Local);
        Assert.Equal((1, 0), (termios[ControlChar.VMIN], termios[ControlChar.VTIME]));
    }
}
