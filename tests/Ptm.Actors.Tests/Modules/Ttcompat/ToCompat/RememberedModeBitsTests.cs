using static Ptm.Actors.Tests.Modules.TtcompatToCompat.Ttold;
using static Ptm.Actors.Tests.Modules.TtcompatToCompat.ToCompatReading;

namespace Ptm.Actors.Tests.Modules.TtcompatToCompat;

/// <summary>
/// 6.4 to_compat starts from the mode word the read before it left (t_curstate lives as long as
/// the module), keeping CTLECH, LITOUT, PASS8, ODDP and EVENP and dropping the rest. A raw
/// termios says nothing about those five, so they come through it as they were; outside RAW each
/// is decided again.
/// </summary>
public sealed class RememberedModeBitsTests
{
    private const ControlModes OddParity = CS7 | ControlModes.PARENB | ControlModes.PARODD;

    public static TheoryData<string, Termios, int> EarlierReads => new()
    {
        { "default modes", Termios.Default, CtlEch | Pass8 },
        { "literal output", LiteralOutput, CtlEch | LitOut },
        { "odd parity", WithCharacters(OddParity), CtlEch | OddP },
        { "even parity", WithCharacters(CS7 | ControlModes.PARENB, InputModes.INPCK), CtlEch | EvenP },
    };

    [Theory]
    [MemberData(nameof(EarlierReads))]
    public void A_raw_read_keeps_the_five_bits_the_read_before_left(string earlier, Termios termios, int kept)
    {
        _ = earlier; // names the row
        Assert.Equal($"{Raw | DecCtq | kept:x8}", $"{Read(termios, RawTermios).Flags:x8}");
    }

    [Fact]
    public void The_bits_outside_the_five_are_not_kept()
    {
        var cbreakTandem = Termios.Default with { Input = Termios.Default.Input | InputModes.IXOFF, Local = Termios.Default.Local & ~LocalModes.ICANON };
        Assert.Equal($"{DefaultFlags:x8}", $"{Read(cbreakTandem, Termios.Default).Flags:x8}");
    }

    [Fact]
    public void Reading_the_default_modes_again_still_gives_PASS8() =>
        Assert.Equal($"{DefaultFlags:x8}", $"{Read(Termios.Default, Termios.Default).Flags:x8}");

    [Fact]
    public void Reading_literal_output_again_still_gives_LITOUT() =>
        Assert.Equal($"{(DefaultFlags & ~Pass8) | LitOut:x8}", $"{Read(LiteralOutput, LiteralOutput).Flags:x8}");

    [Fact]
    public void Output_processing_after_literal_output_drops_LITOUT() =>
        Assert.Equal($"{DefaultFlags:x8}", $"{Read(LiteralOutput, Termios.Default).Flags:x8}");
}
