using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm.Raw;

/// <summary>
/// M1 raw input keeps LNEXT under IEXTEN (ldterm_dononcanon, TS_SLNCH): the literal next itself is
/// not input and shields exactly the one byte after it; without IEXTEN it is plain data.
/// </summary>
public class RawLiteralNextTests
{
    private const string LiteralNext = "\x16"; // ^V, the default VLNEXT (M4.3)

    [Fact]
    public void A_literal_next_typed_twice_passes_one_literal_next_up()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(1, 0);
        ldterm.Type(LiteralNext + LiteralNext);
        Assert.Equal(new[] { LiteralNext }, ldterm.UpData());
        Assert.Equal("^\b^V", ldterm.TakeDownText());
    }

    [Fact]
    public void Each_literal_next_shields_only_the_byte_after_it()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(1, 0);
        ldterm.Type(LiteralNext + "a" + LiteralNext + "b");
        Assert.Equal(new[] { "ab" }, ldterm.UpData());
    }

    [Fact]
    public void Without_iexten_the_literal_next_character_is_plain_raw_input()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.IEXTEN));
        ldterm.Raw(1, 0);
        ldterm.Type(LiteralNext + "a");
        Assert.Equal(new[] { LiteralNext + "a" }, ldterm.UpData());
        Assert.Equal("a", ldterm.TakeDownText()); // ECHOCTL needs IEXTEN too (ldterm_echo), so ^V is not echoed
    }

    [Fact]
    public void A_raw_byte_taken_without_echo_or_iexten_uses_up_a_pending_literal_next()
    {
        // ldterm.c's fast path (no ECHO, ECHONL, IEXTEN) still clears TS_SLNCH when bytes come,
        // so once IEXTEN is back a literal next is special again.
        var ldterm = new LdtermHarness();
        ldterm.Raw(1, 0);
        ldterm.Type(LiteralNext);
        ldterm.Set(Local(LocalModes.None, LocalModes.ECHO | LocalModes.ECHONL | LocalModes.IEXTEN));
        ldterm.Type("a");
        ldterm.Set(Local(LocalModes.IEXTEN));
        ldterm.Type(LiteralNext + "b");
        Assert.Equal(new[] { "b" }, ldterm.UpData());
    }
}
