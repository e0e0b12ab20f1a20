using static Ptm.Actors.Tests.Modules.TtcompatToCompat.Ttold;
using static Ptm.Actors.Tests.Modules.TtcompatToCompat.ToCompatReading;

namespace Ptm.Actors.Tests.Modules.TtcompatToCompat;

/// <summary>
/// 6.4 to_compat's parity: characters other than CS8 without PARENB drop the ODDP, EVENP and
/// PASS8 an earlier read left and take new ones: ODDP for PARODD, else EVENP for INPCK, else
/// both (any parity). Each row reads an earlier termios first so that a bit it should drop is
/// there to drop.
/// </summary>
public sealed class ParityTests
{
    // The default modes read with such characters: no PASS8, everything else as in DefaultFlags.
    private const int SevenBitFlags = DefaultFlags & ~Pass8;

    private const ControlModes Odd = CS7 | ControlModes.PARENB | ControlModes.PARODD, Even = CS7 | ControlModes.PARENB;

    [Theory]
    [InlineData(ControlModes.CS8, InputModes.None, Odd, InputModes.None, OddP)]
    [InlineData(Even, InputModes.INPCK, Odd, InputModes.None, OddP)]
    [InlineData(Odd, InputModes.None, Even, InputModes.INPCK, EvenP)]
    [InlineData(ControlModes.CS8, InputModes.None, Even, InputModes.None, OddP | EvenP)]
    [InlineData(Even, InputModes.INPCK, CS7, InputModes.None, OddP | EvenP)]
    [InlineData(ControlModes.CS8, InputModes.None, Odd, InputModes.INPCK, OddP)] // PARODD wins over INPCK
    [InlineData(Odd, InputModes.None, ControlModes.CS8 | ControlModes.PARENB, InputModes.INPCK, EvenP)] // 8 bits and parity is not CS8
    public void Characters_with_parity_give_the_parity_bits(ControlModes earlier, InputModes earlierInput, ControlModes characters, InputModes input, int parity)
    {
        var state = Read(WithCharacters(earlier, earlierInput), WithCharacters(characters, input));
        Assert.Equal($"{SevenBitFlags | parity:x8}", $"{state.Flags:x8}");
    }

    [Fact]
    public void TANDEM_survives_the_parity_bits_being_cleared()
    {
        var state = Read(WithCharacters(Odd, InputModes.IXOFF));
        Assert.Equal($"{SevenBitFlags | OddP | Tandem:x8}", $"{state.Flags:x8}");
    }
}
