using static Ptm.Actors.Tests.Modules.TtcompatToCompat.Ttold;
using static Ptm.Actors.Tests.Modules.TtcompatToCompat.ToCompatReading;

namespace Ptm.Actors.Tests.Modules.TtcompatToCompat;

/// <summary>
/// 6.4 to_compat, one termios bit at a time: each row changes the default modes (M4.3) in one
/// place and expects the mode word of ttcompat.c for it, the whole word, so a row also fails
/// when the change disturbs a bit it has nothing to do with.
/// </summary>
public sealed class ModeWordBitTests
{
    private static void AssertModeWord(Termios termios, int added, int removed) =>
        Assert.Equal($"{(DefaultFlags & ~removed) | added:x8}", $"{Read(termios).Flags:x8}");

    [Theory]
    [InlineData(LocalModes.None, LocalModes.None, 0, 0)]
    [InlineData(LocalModes.None, LocalModes.ICANON, Cbreak, 0)]
    [InlineData(LocalModes.None, LocalModes.ECHOCTL, 0, CtlEch)]
    [InlineData(LocalModes.None, LocalModes.ECHO, 0, Echo)]
    [InlineData(LocalModes.ECHOPRT, LocalModes.None, PrtEra, 0)]
    [InlineData(LocalModes.None, LocalModes.ECHOE, 0, CrtEra | CrtBs)]
    [InlineData(LocalModes.TOSTOP, LocalModes.None, ToStop, 0)]
    [InlineData(LocalModes.FLUSHO, LocalModes.None, FlushO, 0)]
    [InlineData(LocalModes.None, LocalModes.ECHOKE, 0, CrtKil)]
    [InlineData(LocalModes.PENDIN, LocalModes.None, PendIn, 0)]
    [InlineData(LocalModes.NOFLSH, LocalModes.None, NoFlsh, 0)]
    [InlineData(LocalModes.None, LocalModes.ISIG, 0, 0)] // NOISIG lives in t_xflags, not in the word
    public void A_local_mode_gives_its_mode_bit(LocalModes on, LocalModes off, int added, int removed) =>
        AssertModeWord(Termios.Default with { Local = (Termios.Default.Local & ~off) | on }, added, removed);

    [Theory]
    [InlineData(OutputModes.OLCUC, OutputModes.None, Lcase, 0)]
    [InlineData(OutputModes.None, OutputModes.ONLCR, 0, Crmod)]
    [InlineData(OutputModes.None, OutputModes.TABDLY, 0, Xtabs)]
    [InlineData((OutputModes)0x800, OutputModes.TABDLY, Tab1, Xtabs)]
    [InlineData((OutputModes)0x1000, OutputModes.TABDLY, Tab2, Xtabs)]
    // 8-bit characters without output processing, input and local processing still on: LITOUT, and no PASS8 with it.
    [InlineData(OutputModes.None, OutputModes.OPOST, LitOut, Pass8)]
    public void An_output_mode_gives_its_mode_bit(OutputModes on, OutputModes off, int added, int removed) =>
        AssertModeWord(Termios.Default with { Output = (Termios.Default.Output & ~off) | on }, added, removed);

    [Theory]
    [InlineData(InputModes.IXOFF, InputModes.None, Tandem, 0)]
    [InlineData(InputModes.IXANY, InputModes.None, 0, DecCtq)]
    [InlineData(InputModes.ISTRIP, InputModes.None, 0, Pass8)]
    public void An_input_mode_gives_its_mode_bit(InputModes on, InputModes off, int added, int removed) =>
        AssertModeWord(Termios.Default with { Input = (Termios.Default.Input & ~off) | on }, added, removed);

    [Fact]
    public void CLOCAL_gives_NOHANG() =>
        AssertModeWord(Termios.Default with { Control = Termios.Default.Control | ControlModes.CLOCAL }, NoHang, 0);
}
