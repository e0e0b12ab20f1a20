namespace Ptm.Actors.Tests.Modules.Ldterm.Raw;

/// <summary>
/// M1 VMIN/VTIME judged at M_READ (ldtermwput): bytes held under one VMIN/VTIME are judged
/// again under the values in force when the next read comes, and a new read replaces the one
/// still waiting, timer and all (ldterm.c cancels it with vmin_satisfied(0)).
/// </summary>
public class RawReadJudgementTests
{
    [Fact]
    public void A_read_under_time_without_min_takes_the_bytes_already_held()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(4, 0);
        ldterm.Type("ab");
        ldterm.Set(t => t.With(ControlChar.VMIN, 0).With(ControlChar.VTIME, 5));
        ldterm.Read();
        Assert.Equal(new[] { "ab" }, ldterm.UpData());
        Assert.Null(ldterm.Context.Timer);
    }

    [Fact]
    public void A_read_takes_the_held_bytes_at_once_when_they_reach_a_lowered_min()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(4, 0);
        ldterm.Type("ab");
        ldterm.Set(t => t.With(ControlChar.VMIN, 2));
        ldterm.Read();
        Assert.Equal(new[] { "ab" }, ldterm.UpData());
    }

    [Fact]
    public void A_read_with_bytes_held_starts_vtime_set_after_they_came()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(4, 0);
        ldterm.Type("ab");
        ldterm.Set(t => t.With(ControlChar.VTIME, 2));
        ldterm.Read();
        Assert.Equal(TimeSpan.FromMilliseconds(200), ldterm.Context.Timer);
        ldterm.Context.FireTimer(ldterm.Module);
        Assert.Equal(new[] { "ab" }, ldterm.UpData());
    }

    [Fact]
    public void A_second_read_while_one_waits_on_vtime_sends_nothing_up()
    {
        // A zero-length message here would be a false end of file for the new read.
        var ldterm = new LdtermHarness();
        ldterm.Raw(0, 5);
        ldterm.Read();
        ldterm.Read();
        Assert.Empty(ldterm.Up);
        Assert.Equal(TimeSpan.FromMilliseconds(500), ldterm.Context.Timer);
    }

    [Fact]
    public void A_new_read_cancels_the_vtime_of_the_read_it_replaces()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(0, 5);
        ldterm.Read();
        ldterm.Set(t => t.With(ControlChar.VMIN, 4).With(ControlChar.VTIME, 0));
        ldterm.Read();
        Assert.Null(ldterm.Context.Timer); // left running, it would end this read short of VMIN
        ldterm.Type("ab");
        Assert.Empty(ldterm.UpData());
    }
}
