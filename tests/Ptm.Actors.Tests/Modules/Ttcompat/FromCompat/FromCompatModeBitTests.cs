using Ptm.Actors.Modules;
using static Ptm.Actors.Tests.Modules.TtcompatFrom.CompatStates;

namespace Ptm.Actors.Tests.Modules.TtcompatFrom;

/// <summary>
/// Each bit of the old mode word that from_compat (ttcompat.c, 6.4) maps one way adds exactly
/// its termios bits to what the same state without it gives, and takes nothing away.
/// </summary>
public sealed class FromCompatModeBitTests
{
    // The rows are from_compat's "if (csp->t_flags & O_X) termiosp->c_Yflag |= Z" lines, for a
    // cooked 8-bit state (not RAW: ECHOCTL is set on that path only).
    [Theory]
    [InlineData(CompatState.Tandem, InputModes.IXOFF, OutputModes.None, ControlModes.None, LocalModes.None)]
    [InlineData(CompatState.Lcase, InputModes.IUCLC, OutputModes.OLCUC, ControlModes.None, LocalModes.XCASE)]
    [InlineData(CompatState.Echo, InputModes.None, OutputModes.None, ControlModes.None, LocalModes.ECHO)]
    [InlineData(CompatState.Crmod, InputModes.ICRNL, OutputModes.ONLCR, ControlModes.None, LocalModes.None)]
    [InlineData(CompatState.CtlEch, InputModes.None, OutputModes.None, ControlModes.None, LocalModes.ECHOCTL)]
    [InlineData(CompatState.Tab1, InputModes.None, (OutputModes)0x800, ControlModes.None, LocalModes.None)]
    [InlineData(CompatState.Tab2, InputModes.None, (OutputModes)0x1000, ControlModes.None, LocalModes.None)]
    [InlineData(CompatState.Xtabs, InputModes.None, OutputModes.TAB3, ControlModes.None, LocalModes.None)]
    [InlineData(CompatState.PrtEra, InputModes.None, OutputModes.None, ControlModes.None, LocalModes.ECHOPRT)]
    [InlineData(CompatState.CrtEra, InputModes.None, OutputModes.None, ControlModes.None, LocalModes.ECHOE)]
    [InlineData(CompatState.ToStop, InputModes.None, OutputModes.None, ControlModes.None, LocalModes.TOSTOP)]
    [InlineData(CompatState.FlushO, InputModes.None, OutputModes.None, ControlModes.None, LocalModes.FLUSHO)]
    [InlineData(CompatState.NoHang, InputModes.None, OutputModes.None, ControlModes.CLOCAL, LocalModes.None)]
    [InlineData(CompatState.CrtKil, InputModes.None, OutputModes.None, ControlModes.None, LocalModes.ECHOKE)]
    [InlineData(CompatState.PendIn, InputModes.None, OutputModes.None, ControlModes.None, LocalModes.PENDIN)]
    [InlineData(CompatState.NoFlsh, InputModes.None, OutputModes.None, ControlModes.None, LocalModes.NOFLSH)]
    public void A_mode_bit_adds_exactly_its_termios_bits(int flag, InputModes input, OutputModes output, ControlModes control, LocalModes local)
    {
        var without = Cooked().FromCompat(Blank);
        var with = Cooked(CompatState.Pass8 | flag).FromCompat(Blank);

        Assert.Equal(without.Input | input, with.Input);
        Assert.Equal(without.Output | output, with.Output);
        Assert.Equal(without.Control | control, with.Control);
        Assert.Equal(without.Local | local, with.Local);
    }

    [Fact]
    public void Without_DECCTQ_any_character_restarts_output_and_with_it_only_START_does()
    {
        // from_compat: if (!(csp->t_flags & O_DECCTQ)) c_iflag |= IXANY.
        Assert.Equal(CookedInput, Cooked().FromCompat(Blank).Input);
        Assert.Equal(CookedInput & ~InputModes.IXANY, Cooked(CompatState.Pass8 | CompatState.DecCtq).FromCompat(Blank).Input);
    }
}
