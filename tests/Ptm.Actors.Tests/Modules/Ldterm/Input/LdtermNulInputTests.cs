using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>
/// A NUL byte in ldtermrput's scan: never a special character (_POSIX_VDISABLE), it restarts
/// output only when output is stopped under IXON with IXANY and IEXTEN, and as input it ends
/// DISCARD's output discarding (M1).
/// </summary>
public class LdtermNulInputTests
{
    [Fact]
    public void A_nul_sends_no_start_when_output_is_not_stopped()
    {
        var ldterm = new LdtermHarness(Input(InputModes.IXANY));
        ldterm.Type("\0");
        Assert.Empty(ldterm.Down.OfType<FlowMessage>());
    }

    [Fact]
    public void A_nul_ends_discarding()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x0f");
        ldterm.Type("\0");
        ldterm.AssertOutputIsNotDiscarded();
    }
}
