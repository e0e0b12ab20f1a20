using Ptm.Actors.Modules;
using static Ptm.Actors.Tests.Modules.TtcompatFrom.CompatStates;

namespace Ptm.Actors.Tests.Modules.TtcompatFrom;

/// <summary>
/// from_compat's one newline mapping that is a mode rather than a delay: NL1 without CRMOD is
/// the tty37's newline, ONLRET (ttcompat.c: "termiosp->c_oflag |= ONLRET|CR1; /* tty37 */"; the
/// CR1 delay is not modelled). ldterm then resets its column at a newline (M3, OPOST).
/// </summary>
public sealed class FromCompatNewlineTests
{
    private const int Nl2 = 0x200; // ttold.h O_NL2

    [Theory]
    [InlineData(CompatState.Nl1, OutputModes.ONLRET)]
    [InlineData(CompatState.Nl1 | CompatState.Crmod, OutputModes.ONLCR)] // CRMOD's branch: ONLRET is not added
    [InlineData(Nl2, OutputModes.None)] // NL2 is the NL1 delay only
    [InlineData(CompatState.Nl1 | Nl2, OutputModes.None)] // O_NLDELAY is both bits: that is neither NL1 nor NL2
    public void NL1_without_CRMOD_sets_ONLRET(int flags, OutputModes newline)
    {
        var termios = Cooked(CompatState.Pass8 | flags).FromCompat(Blank);

        Assert.Equal(newline, termios.Output & (OutputModes.ONLRET | OutputModes.ONLCR));
    }
}
