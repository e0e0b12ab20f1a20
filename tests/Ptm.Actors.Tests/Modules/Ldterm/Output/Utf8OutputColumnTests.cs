using System.Text;

// Not ".Output": a namespace of that name would hide LdtermHarness.Output in the Ldterm tests.
namespace Ptm.Actors.Tests.Modules.Ldterm.OutputProcessing;

/// <summary>
/// M1 multibyte handling in output processing: ldterm opens in UTF-8 (M4.3), so a written UTF-8
/// character moves the column once, when its last byte arrives. TAB3 (on by default) shows the
/// column: a tab that follows expands to the next multiple of 8.
/// </summary>
public class Utf8OutputColumnTests
{
    // The first and last lead byte of each length, and continuation bytes at both ends of their
    // range in every position, so each bound of the classification is crossed.
    [Theory]
    [InlineData("C2 80")]
    [InlineData("C3 A9")]
    [InlineData("DF BF")]
    [InlineData("E0 A0 80")]
    [InlineData("E2 80 80")]
    [InlineData("EF BF BF")]
    [InlineData("F0 90 80 80")]
    [InlineData("F4 8F BF BF")]
    public void A_written_utf8_character_takes_one_column(string hex)
    {
        var character = Encoding.Latin1.GetString(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)));
        var ldterm = new LdtermHarness();
        ldterm.Write(character + "\t|");
        Assert.Equal(character + new string(' ', 7) + "|", ldterm.TakeDownText());
    }

    [Fact]
    public void A_stray_continuation_byte_takes_a_column_of_its_own()
    {
        var ldterm = new LdtermHarness();
        ldterm.Write("\u0080\t|");
        Assert.Equal("\u0080" + new string(' ', 7) + "|", ldterm.TakeDownText());
    }
}
