using static Ptm.Actors.Tests.Modules.TtcompatFrom.CompatStates;

namespace Ptm.Actors.Tests.Modules.TtcompatFrom;

/// <summary>
/// The speeds and stop bits from_compat (ttcompat.c, 6.4) writes into c_cflag: the output speed
/// in CBAUD, a different input speed in CIBAUD, an input speed of 0 hangs up (CBAUD cleared),
/// and two stop bits at 110 baud in or when the STOPB extended flag says so.
/// </summary>
public sealed class FromCompatSpeedTests
{
    // The last column is c_cflag beyond CREAD and CS8 (the state is cooked with PASS8).
    [Theory]
    [InlineData(B9600, B9600, 0, 13u)]
    [InlineData((byte)11, B38400, 0, 15u | 11u << IbShift)]
    [InlineData((byte)0, B9600, 0, 0u)] // hang up: no CBAUD, and CIBAUD holds the 0
    [InlineData(B110, B110, 0, 3u | 0x40u)] // CSTOPB, 110 baud wants two stop bits
    [InlineData(B110, B9600, 0, 13u | 3u << IbShift | 0x40u)]
    [InlineData(B9600, B110, 0, 3u | 13u << IbShift)] // only the input speed counts
    [InlineData(B9600, B9600, StopBits, 13u | 0x40u)]
    public void The_speeds_and_stop_bits_land_in_the_control_modes(byte ispeed, byte ospeed, int xflags, uint control)
    {
        var state = Cooked(xflags: xflags);
        (state.ISpeed, state.OSpeed) = (ispeed, ospeed);

        var termios = state.FromCompat(Blank);

        Assert.Equal(ControlModes.CREAD | ControlModes.CS8 | (ControlModes)control, termios.Control);
    }
}
