namespace Ptm.Actors.Tests.Modules.Ldterm.Canonical;

/// <summary>WERASE (M1, ldterm_werase) at the edges: nothing to erase, or a word or blanks that are the whole line.</summary>
public class WordEraseEdgeTests
{
    [Theory]
    [InlineData("")] // nothing to erase: nothing happens
    [InlineData(" \t ")] // blanks alone: they go, and there is no word before them
    [InlineData("word")] // the only word: the line is left empty
    public void Word_erase_stops_at_the_start_of_the_line(string typed)
    {
        var ldterm = new LdtermHarness();
        ldterm.Type(typed + "\x17");
        ldterm.Type("x\n");
        Assert.Equal(new[] { "x\n" }, ldterm.UpData());
    }
}
