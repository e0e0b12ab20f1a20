// Not ".Output": a namespace of that name would hide LdtermHarness.Output in the Ldterm tests.
namespace Ptm.Actors.Tests.Modules.Ldterm.OutputProcessing;

/// <summary>
/// M1 output processing keeps the terminal's column (t_col) as bytes go out: a backspace moves it
/// back, an unexpanded tab moves it to the next tab stop. A later TAB3 expansion shows it.
/// </summary>
public class OutputColumnMovesTests
{
    [Fact]
    public void A_written_backspace_moves_the_column_back_one()
    {
        var ldterm = new LdtermHarness();
        ldterm.Write("ab\b\t|");
        Assert.Equal("ab\b       |", ldterm.TakeDownText());
    }

    [Fact]
    public void A_backspace_in_column_zero_leaves_the_column_at_zero()
    {
        var ldterm = new LdtermHarness();
        ldterm.Write("\b\t|");
        Assert.Equal("\b        |", ldterm.TakeDownText());
    }

    [Fact]
    public void An_unexpanded_tab_moves_the_column_to_the_next_tab_stop()
    {
        var ldterm = new LdtermHarness(t => t with { Output = t.Output & ~OutputModes.TABDLY });
        ldterm.Write("ab\t");
        Assert.Equal("ab\t", ldterm.TakeDownText());
        // Column 8 now: with TAB3 the next tab is a whole stop of spaces.
        ldterm.Set(t => t with { Output = t.Output | OutputModes.TAB3 });
        ldterm.Write("\t|");
        Assert.Equal(new string(' ', 8) + "|", ldterm.TakeDownText());
    }
}
