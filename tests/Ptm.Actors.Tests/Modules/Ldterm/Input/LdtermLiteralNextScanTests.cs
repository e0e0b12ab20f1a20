using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>
/// LNEXT in ldtermrput's scan (TS_PLNCH, M1): it shields exactly one byte from the scan, and both
/// it and the byte it shields are input, so each ends DISCARD's output discarding (FLUSHO).
/// </summary>
public class LdtermLiteralNextScanTests
{
    [Fact]
    public void Lnext_shields_only_the_next_byte_from_the_signal_scan()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x16" + "a\x03");
        Assert.Equal(new[] { Signal.SIGINT }, ldterm.Up.OfType<SignalMessage>().Select(s => s.Signal));
    }

    [Fact]
    public void Lnext_alone_ends_discarding()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x0f");
        ldterm.Type("\x16");
        ldterm.AssertOutputIsNotDiscarded();
    }

    [Fact]
    public void The_byte_lnext_shields_ends_discarding_too()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x16");
        ldterm.Type("\x0f"); // shielded: data, not DISCARD
        ldterm.AssertOutputIsNotDiscarded();
    }
}
