using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm.Canonical;

/// <summary>
/// ERASE on UTF-8 input (M1, ldterm_csi_erase): a lead byte (0xc2 to 0xf4, as illumos'
/// u8_number_of_bytes has them) and up to three continuation bytes (0x80 to 0xbf) after it go as
/// one character; anything else goes a byte at a time. The edges of both byte ranges and of the three-byte reach are pinned here.
/// </summary>
public class Utf8EraseBoundaryTests
{
    [Theory]
    [InlineData("\u00c2\u0080", "")] // U+0080: 0x80 is the lowest continuation byte
    [InlineData("\u00c2\u00bf", "")] // U+00BF: 0xbf is the highest continuation byte
    [InlineData("\u00c1\u0080", "\u00c1")] // 0xc0 and 0xc1 are illegal leads in illumos: one-byte characters
    [InlineData("\u00f4\u0080\u0080\u0080", "")] // 0xf4 is the highest lead byte
    [InlineData("\u00f5\u0080\u0080\u0080", "\u00f5\u0080\u0080")] // 0xf5 is out of range: a one-byte character
    [InlineData("\u00f0\u009f\u0098\u0080", "")] // a four-byte character: three continuation bytes reached
    [InlineData("\u00c3\u0080\u0080\u0080\u0080", "\u00c3\u0080\u0080\u0080")] // a fourth continuation byte is past the reach: it goes alone
    [InlineData("a\u0080", "a")] // continuation after ASCII: no lead byte, so the last byte alone
    [InlineData("\u00a9", "")] // a lone continuation byte at line start goes alone
    [InlineData("ab\u00c3", "ab")] // a lead byte with nothing after it goes alone
    public void Erase_removes_one_utf8_character_or_else_one_byte(string typed, string left)
    {
        var ldterm = new LdtermHarness();
        ldterm.Type(typed);
        ldterm.Type("\x7f");
        ldterm.Type("\n");
        Assert.Equal(new[] { left + "\n" }, ldterm.UpData());
    }

    [Fact]
    public void Echoprt_shows_an_erased_multibyte_character_as_a_blank_per_column()
    {
        // ldterm_csi_erase rubs out ' ' once per display column, not the character's bytes.
        var ldterm = new LdtermHarness(Local(LocalModes.ECHOPRT, LocalModes.ECHOE));
        ldterm.Type("\u00c3\u00a9");
        ldterm.TakeDownText();
        ldterm.Type("\x7f");
        Assert.Equal("\\ ", ldterm.TakeDownText());
    }
}
