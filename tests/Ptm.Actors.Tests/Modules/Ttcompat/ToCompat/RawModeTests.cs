using static Ptm.Actors.Tests.Modules.TtcompatToCompat.Ttold;
using static Ptm.Actors.Tests.Modules.TtcompatToCompat.ToCompatReading;

namespace Ptm.Actors.Tests.Modules.TtcompatToCompat;

/// <summary>
/// 6.4 to_compat's RAW: a termios is raw only when all four hold at once: none of IMAXBEL,
/// BRKINT, IGNPAR, PARMRK, INPCK, ISTRIP, INLCR, IGNCR, ICRNL, IUCLC, IXON; no OPOST; CS8
/// without PARENB; none of ISIG, ICANON, XCASE, IEXTEN. Any one of them missing is not raw.
/// </summary>
public sealed class RawModeTests
{
    [Fact]
    public void A_termios_without_processing_reads_as_RAW_with_DECCTQ_and_nothing_else() =>
        Assert.Equal($"{Raw | DecCtq:x8}", $"{Read(RawTermios).Flags:x8}");

    [Theory]
    [InlineData(InputModes.IMAXBEL)]
    [InlineData(InputModes.BRKINT)]
    [InlineData(InputModes.IGNPAR)]
    [InlineData(InputModes.PARMRK)]
    [InlineData(InputModes.INPCK)]
    [InlineData(InputModes.ISTRIP)]
    [InlineData(InputModes.INLCR)]
    [InlineData(InputModes.IGNCR)]
    [InlineData(InputModes.ICRNL)]
    [InlineData(InputModes.IUCLC)]
    [InlineData(InputModes.IXON)]
    public void One_input_mode_of_the_list_is_not_raw(InputModes input) =>
        AssertNotRaw(RawTermios with { Input = input });

    [Theory]
    [InlineData(InputModes.IGNBRK, Raw | DecCtq)]
    [InlineData(InputModes.IXANY, Raw)]
    [InlineData(InputModes.IXOFF, Raw | DecCtq | Tandem)]
    public void An_input_mode_outside_the_list_is_still_raw(InputModes input, int flags) =>
        Assert.Equal($"{flags:x8}", $"{Read(RawTermios with { Input = input }).Flags:x8}");

    [Fact]
    public void Output_processing_is_not_raw() =>
        AssertNotRaw(RawTermios with { Output = OutputModes.OPOST });

    [Theory]
    [InlineData(CS7)]
    [InlineData(ControlModes.CS8 | ControlModes.PARENB)]
    public void Characters_other_than_eight_bits_without_parity_are_not_raw(ControlModes sizeAndParity) =>
        AssertNotRaw(WithCharacters(sizeAndParity) with { Input = InputModes.None, Output = OutputModes.None, Local = LocalModes.None });

    [Theory]
    [InlineData(LocalModes.ISIG)]
    [InlineData(LocalModes.ICANON)]
    [InlineData(LocalModes.XCASE)]
    [InlineData(LocalModes.IEXTEN)]
    public void One_local_mode_of_the_list_is_not_raw(LocalModes local) =>
        AssertNotRaw(RawTermios with { Local = local });

    private static void AssertNotRaw(Termios termios) => Assert.Equal(0, Read(termios).Flags & Raw);
}
