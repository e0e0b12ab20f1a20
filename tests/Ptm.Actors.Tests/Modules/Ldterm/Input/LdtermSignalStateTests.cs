using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>
/// ldterm_dosig (M1): what was echoed before a signal character goes down ahead of the flush, the
/// flush restarts input stopped by TCXONC once, and a pending backslash quote does not survive it.
/// </summary>
public class LdtermSignalStateTests
{
    [Fact]
    public void Echo_typed_before_the_interrupt_goes_down_ahead_of_the_flush()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("ab\x03");
        Assert.Equal(new[] { "ab", "FLUSHRW", "^C" }, ldterm.Down.Select(LdtermDownView.Shown));
    }

    [Fact]
    public void The_flush_restarts_input_stopped_by_tcxonc_only_once()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCXONC, Int(2)));
        ldterm.Type("\x03");
        ldterm.Type("\x03");
        Assert.Equal(new[] { new FlowMessage(FlowKind.StopInput), new FlowMessage(FlowKind.StartInput) }, ldterm.Down.OfType<FlowMessage>());
    }

    [Fact]
    public void A_signal_ends_a_backslash_quote()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\\\x03");
        ldterm.Type("\x7f\n"); // ERASE on an empty line: with the quote still on it would be stored
        Assert.Equal(new[] { "\n" }, ldterm.UpData());
    }
}
