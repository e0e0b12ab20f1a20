using static Ptm.Actors.Tests.Modules.TtcompatToCompat.ToCompatReading;

namespace Ptm.Actors.Tests.Modules.TtcompatToCompat;

/// <summary>
/// 6.4 to_compat's speeds: sg_ospeed is CBAUD, sg_ispeed is CIBAUD (c_cflag bits 16-19), and a
/// CIBAUD of 0 means "the same as the output speed".
/// </summary>
public sealed class SpeedTests
{
    private static Termios WithSpeeds(uint output, uint input) => Termios.Default with
    {
        Control = (Termios.Default.Control & ~ControlModes.CBAUD & ~(ControlModes)0xf0000) | (ControlModes)(output | (input << 16)),
    };

    [Fact]
    public void The_input_speed_is_CIBAUD()
    {
        var state = Read(WithSpeeds(BaudRates.B38400, 11));
        Assert.Equal(((byte)BaudRates.B38400, (byte)11), (state.OSpeed, state.ISpeed));
    }

    [Fact]
    public void A_CIBAUD_of_0_reads_as_the_output_speed()
    {
        var state = Read(WithSpeeds(BaudRates.B38400, 0));
        Assert.Equal(((byte)BaudRates.B38400, (byte)BaudRates.B38400), (state.OSpeed, state.ISpeed));
    }
}
