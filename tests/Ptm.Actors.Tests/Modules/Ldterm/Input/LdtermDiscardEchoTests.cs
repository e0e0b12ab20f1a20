using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>
/// ldterm_flush_output, DISCARD's first press (IEXTEN, M1): the echo typed before it goes down
/// ahead of the write-side flush, then DISCARD's own echo with the line reprinted after it (ldterm_reprint: ^R, newline, line), sent
/// even when ptem's queue is full, as ldterm sends it with putnext regardless.
/// </summary>
public class LdtermDiscardEchoTests
{
    [Fact]
    public void Echo_typed_before_discard_goes_down_ahead_of_the_flush()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("ab\x0f");
        Assert.Equal(new[] { "ab", "FLUSHW", "^O^R\r\nab" }, ldterm.Down.Select(LdtermDownView.Shown));
    }

    [Fact]
    public void Discard_reprints_the_partial_line_after_its_echo()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("ab");
        ldterm.Clear();
        ldterm.Type("\x0f");
        Assert.Equal("^O^R\r\nab", ldterm.TakeDownText());
    }

    [Fact]
    public void Discard_on_an_empty_line_echoes_only_itself()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("\x0f");
        Assert.Equal("^O", ldterm.TakeDownText());
    }

    [Fact]
    public void Discard_echo_goes_down_even_when_ptem_has_no_room()
    {
        var ldterm = new LdtermHarness();
        ldterm.Context.CanPutDown = false;
        ldterm.Type("\x0f");
        Assert.Equal("^O", ldterm.TakeDownText());
    }
}
