using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>
/// ldtermrput's gate (M1): each byte is scanned for special characters only while one of INLCR,
/// IGNCR, ICRNL, IUCLC, IXON or ISIG, ICANON is on; otherwise it is only stripped, and even under
/// IEXTEN DISCARD is not seen, though any input still ends discarding.
/// </summary>
public class LdtermScanGateTests
{
    private const InputModes Scanning = InputModes.INLCR | InputModes.IGNCR | InputModes.ICRNL | InputModes.IUCLC | InputModes.IXON;

    /// <summary>Raw input (VMIN 1, VTIME 0) with none of the scanning modes on.</summary>
    private static Termios Unscanned(Termios t) => (t with
    {
        Input = t.Input & ~Scanning,
        Local = t.Local & ~(LocalModes.ISIG | LocalModes.ICANON),
    }).With(ControlChar.VMIN, 1).With(ControlChar.VTIME, 0);

    /// <summary>An ldterm in <see cref="Unscanned"/> modes but for <paramref name="input"/> and <paramref name="local"/>.</summary>
    private static LdtermHarness Only(InputModes input = InputModes.None, LocalModes local = LocalModes.None) =>
        new(t =>
        {
            var unscanned = Unscanned(t);
            return unscanned with { Input = unscanned.Input | input, Local = unscanned.Local | local };
        });

    [Theory]
    [InlineData(InputModes.INLCR, "\n", "\r")]
    [InlineData(InputModes.IGNCR, "\ra", "a")]
    [InlineData(InputModes.ICRNL, "\r", "\n")]
    [InlineData(InputModes.IUCLC, "Q", "q")]
    public void Each_mapping_mode_alone_is_enough_to_have_the_input_scanned(InputModes mode, string typed, string read)
    {
        var ldterm = Only(mode);
        ldterm.Type(typed);
        Assert.Equal(read, ldterm.TakeUpText());
    }

    [Fact]
    public void Ixon_alone_is_enough_to_have_the_stop_character_seen()
    {
        var ldterm = Only(InputModes.IXON);
        ldterm.Type("\x13");
        Assert.Equal(new FlowMessage(FlowKind.StopOutput), Assert.Single(ldterm.Down));
        Assert.Empty(ldterm.UpData());
    }

    [Fact]
    public void Isig_alone_is_enough_to_have_the_interrupt_character_seen()
    {
        var ldterm = Only(local: LocalModes.ISIG);
        ldterm.Type("\x03");
        Assert.Contains(new SignalMessage(Signal.SIGINT, Priority: true), ldterm.Up);
        Assert.Empty(ldterm.UpData());
    }

    [Fact]
    public void Without_any_scanning_mode_discard_is_plain_data_even_under_iexten()
    {
        var ldterm = Only();
        ldterm.Type("\x0f\x13");
        Assert.Equal("\x0f\x13", ldterm.TakeUpText());
        Assert.DoesNotContain(ldterm.Down, m => m is FlushMessage or FlowMessage);
        ldterm.AssertOutputIsNotDiscarded();
    }

    [Fact]
    public void Without_any_scanning_mode_typed_input_still_ends_discarding()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x0f"); // DISCARD, scanned in the default modes: output is dropped from now on
        ldterm.Set(Unscanned);
        ldterm.Type("a");
        ldterm.AssertOutputIsNotDiscarded();
    }
}
