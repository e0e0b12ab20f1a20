using static Ptm.Actors.Tests.Modules.TtcompatToCompat.Ttold;
using static Ptm.Actors.Tests.Modules.TtcompatToCompat.ToCompatReading;

namespace Ptm.Actors.Tests.Modules.TtcompatToCompat;

/// <summary>
/// 6.4 to_compat's t_xflags, what the mode word cannot say and from_compat needs to rebuild the
/// termios: NOPOST (no OPOST though not LITOUT), NOISIG (no ISIG), STOPB (CSTOPB at any speed but
/// B110, where two stop bits go without saying). Every read drops STOPB; NOPOST and NOISIG stay
/// until a read outside RAW decides them again (LITOUT leaves NOPOST alone).
/// </summary>
public sealed class ExtraFlagsTests
{
    private static readonly Termios SevenBitsNoPostNoIsig = WithCharacters(CS7 | ControlModes.PARENB) with
    {
        Output = Termios.Default.Output & ~OutputModes.OPOST,
        Local = Termios.Default.Local & ~LocalModes.ISIG,
    };

    private const uint B110 = 3; // illumos termios.h; BaudRates names only the speeds the simulation uses

    private static Termios TwoStopBits(uint speed) => Termios.Default with
    {
        Control = (Termios.Default.Control & ~ControlModes.CBAUD) | (ControlModes)speed | ControlModes.CSTOPB,
    };

    [Fact]
    public void The_default_modes_have_no_extra_flags() => Assert.Equal(0, Read(Termios.Default).XFlags);

    [Fact]
    public void CSTOPB_at_9600_baud_is_STOPB() => Assert.Equal(StopB, Read(TwoStopBits(BaudRates.B9600)).XFlags);

    [Fact]
    public void CSTOPB_at_110_baud_is_not_STOPB() => Assert.Equal(0, Read(TwoStopBits(B110)).XFlags);

    [Fact]
    public void A_read_without_CSTOPB_drops_the_STOPB_of_the_read_before() =>
        Assert.Equal(0, Read(TwoStopBits(BaudRates.B9600), Termios.Default).XFlags);

    [Fact]
    public void No_OPOST_outside_LITOUT_is_NOPOST() =>
        Assert.Equal(NoPost, Read(SevenBitsNoPostNoIsig with { Local = Termios.Default.Local }).XFlags);

    [Fact]
    public void No_ISIG_is_NOISIG() =>
        Assert.Equal(NoIsig, Read(Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ISIG }).XFlags);

    [Fact]
    public void OPOST_and_ISIG_drop_the_NOPOST_and_NOISIG_of_the_read_before() =>
        Assert.Equal(0, Read(SevenBitsNoPostNoIsig, Termios.Default).XFlags);

    [Fact]
    public void A_raw_read_keeps_the_NOPOST_and_NOISIG_of_the_read_before() =>
        Assert.Equal(NoPost | NoIsig, Read(SevenBitsNoPostNoIsig, RawTermios).XFlags);

    [Fact]
    public void A_LITOUT_read_keeps_NOPOST_and_decides_NOISIG_again() =>
        Assert.Equal(NoPost, Read(SevenBitsNoPostNoIsig, LiteralOutput).XFlags);

    [Fact]
    public void Leaving_raw_mode_with_TIOCSETP_brings_back_the_ISIG_off_from_before_raw()
    {
        // Why NOISIG outlives RAW: from_compat rebuilds ISIG from it when the caller clears RAW.
        var state = Read(Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ISIG }, RawTermios);
        state.MergeSgttyb(new byte[] { 13, 13, 0x7f, 0x15, Echo | Crmod, 0, 0, 0 });
        var termios = state.FromCompat(RawTermios);
        Assert.Equal(LocalModes.ICANON, termios.Local & (LocalModes.ISIG | LocalModes.ICANON));
    }
}
