using Ptm.Actors.Streams;

namespace Ptm.Actors.Tests.Modules.Ldterm.Raw;

/// <summary>
/// M1 the VTIME timer outlives what it was armed for (ldterm.c's t_vtid): it is cancelled only
/// when a read is satisfied or replaced, and when it runs out after the bytes were swiped,
/// nothing goes up while VMIN is above 0 (vmin_satisfied: "data swiped").
/// </summary>
public class RawTimerTests
{
    [Fact]
    public void Vtime_running_out_after_a_flush_swiped_the_bytes_sends_no_false_end_of_file()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(4, 2);
        ldterm.Read();
        ldterm.Type("ab");
        ldterm.FromBelow(new FlushMessage(FlushFlags.FLUSHR));
        ldterm.Clear();
        ldterm.Context.FireTimer(ldterm.Module);
        Assert.Empty(ldterm.Up);
    }

    [Fact]
    public void A_flush_from_above_with_no_read_waiting_leaves_the_inter_byte_timer_running()
    {
        // The flush ends only an outstanding read (TS_MREAD); the first read was satisfied.
        var ldterm = new LdtermHarness();
        ldterm.Raw(4, 2);
        ldterm.Read();
        ldterm.Type("abcd");
        ldterm.Type("ef");
        ldterm.FromAbove(new FlushMessage(FlushFlags.FLUSHW));
        ldterm.Context.FireTimer(ldterm.Module);
        Assert.Equal(new[] { "abcd", "ef" }, ldterm.UpData());
    }
}
