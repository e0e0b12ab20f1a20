using Ptm.Actors.Pty;
using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.Flush;

/// <summary>The M_FLUSH mapping of D4, D5, D6 from both sides, with and without a peer.</summary>
public class FlushTests
{
    /// <summary>A nonblocking manager fills the manager -> subsidiary path until EAGAIN: data waits in ptm's write queue too.</summary>
    private static int FillFromManager(DeterministicPty pty, int m)
    {
        var accepted = 0;
        while (true)
        {
            var result = pty.Settle(pty.Posix.WriteAsync(m, Bytes.Repeat('x', 4096)));
            if (!result.IsOk) return accepted;
            accepted += (int)result.Value;
        }
    }

    /// <summary>A nonblocking subsidiary fills the subsidiary -> manager path until EAGAIN: data waits in pts's write queue too.</summary>
    private static int FillFromSubsidiary(DeterministicPty pty, int s)
    {
        var accepted = 0;
        while (true)
        {
            var result = pty.Settle(pty.Posix.WriteAsync(s, Bytes.Repeat('y', 4096)));
            if (!result.IsOk) return accepted;
            accepted += (int)result.Value;
        }
    }

    [Fact]
    public void D4_D6_manager_flushw_empties_its_own_write_queue_and_the_subsidiary_read_side()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        Assert.True(FillFromManager(pty, m) > 2048);
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHW));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(s, new byte[64]));
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(m));
        pty.Write(m, "y");
        Assert.Equal("y", pty.ReadText(s));
    }

    [Fact]
    public void D4_D6_manager_flushw_leaves_the_manager_read_side_alone()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Write(s, "for the manager");
        pty.Write(m, "for the subsidiary");
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHW));
        Assert.Equal("for the manager", pty.ReadText(m));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(s, new byte[64]));
    }

    [Fact]
    public void D4_D6_manager_flushr_empties_everything_in_flight_from_the_subsidiary()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        Assert.True(FillFromSubsidiary(pty, s) >= 4096); // the manager read queue and pts's write queue both hold data
        pty.Write(m, "kept");
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHR));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[64]));
        Assert.Equal("kept", pty.ReadText(s)); // the subsidiary read side is not touched
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(s)); // pts's write queue was emptied too
        pty.Write(s, "z");
        Assert.Equal("z", pty.ReadText(m));
    }

    [Fact]
    public void D4_D6_manager_flushrw_empties_both_directions()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        FillFromManager(pty, m);
        FillFromSubsidiary(pty, s);
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHRW));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[64]));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(s, new byte[64]));
        pty.Write(m, "1");
        pty.Write(s, "2");
        Assert.Equal("1", pty.ReadText(s));
        Assert.Equal("2", pty.ReadText(m));
    }

    [Fact]
    public void D5_D6_subsidiary_flushr_empties_only_its_own_read_side()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Write(m, "abc");
        pty.Write(s, "xyz");
        pty.Ok(pty.Posix.DiscardAsync(s, FlushFlags.FLUSHR));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(s, new byte[64]));
        Assert.Equal("xyz", pty.ReadText(m));
    }

    [Fact]
    public void D5_D6_subsidiary_flushr_keeps_the_output_held_in_the_manager_write_queue()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var accepted = FillFromManager(pty, m);
        pty.Ok(pty.Posix.DiscardAsync(s, FlushFlags.FLUSHR));
        var after = pty.Drain(s);
        Assert.True(after.Length > 0 && after.Length < accepted, $"{after.Length} of {accepted}");
        Assert.All(after, b => Assert.Equal((byte)'x', b));
    }

    [Fact]
    public void D5_D6_subsidiary_flushw_empties_its_own_write_queue_and_the_manager_read_side()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        Assert.True(FillFromSubsidiary(pty, s) >= 4096);
        pty.Write(m, "kept");
        pty.Ok(pty.Posix.DiscardAsync(s, FlushFlags.FLUSHW));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[64]));
        Assert.Equal("kept", pty.ReadText(s)); // its own read side is left alone
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(s));
    }

    [Fact]
    public void D5_D6_subsidiary_flushrw_empties_both_read_sides_and_its_write_queue()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        pty.Write(m, "abc");
        FillFromSubsidiary(pty, s);
        pty.Ok(pty.Posix.DiscardAsync(s, FlushFlags.FLUSHRW));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(s, new byte[64]));
        pty.Fails(Errno.EAGAIN, pty.Posix.ReadAsync(m, new byte[64]));
        pty.Write(m, "1");
        Assert.Equal("1", pty.ReadText(s));
    }

    [Fact]
    public void D5_D6_subsidiary_flushrw_keeps_the_output_held_in_the_manager_write_queue()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        FillFromManager(pty, m);
        pty.Ok(pty.Posix.DiscardAsync(s, FlushFlags.FLUSHRW));
        Assert.NotEmpty(pty.Drain(s));
    }

    [Fact]
    public void D4_a_flush_on_a_locked_manager_is_dropped_silently_and_sets_no_error()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        foreach (var flags in new[] { FlushFlags.FLUSHR, FlushFlags.FLUSHW, FlushFlags.FLUSHRW })
            pty.Ok(pty.Posix.DiscardAsync(m, flags));
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(m)); // no sticky error (D9 concerns data only)
    }

    [Fact]
    public void D4_a_flush_with_no_subsidiary_is_dropped_silently_and_sets_no_error()
    {
        using var pty = new DeterministicPty();
        var m = pty.OpenManager();
        pty.Ok(pty.Posix.UnlockAsync(m));
        pty.Ok(pty.Posix.DiscardAsync(m, FlushFlags.FLUSHRW));
        Assert.Equal(PollEvents.POLLOUT, pty.Poll(m));
        var s = pty.OpenSubsidiary(pty.PathOf(m));
        pty.Write(m, "fine");
        Assert.Equal("fine", pty.ReadText(s));
    }

    [Fact]
    public void D6_data_flows_normally_after_every_kind_of_flush()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        foreach (var side in new[] { m, s })
            foreach (var flags in new[] { FlushFlags.FLUSHR, FlushFlags.FLUSHW, FlushFlags.FLUSHRW })
            {
                pty.Ok(pty.Posix.DiscardAsync(side, flags));
                pty.Write(m, "ms");
                pty.Write(s, "sm");
                Assert.Equal("ms", pty.ReadText(s));
                Assert.Equal("sm", pty.ReadText(m));
            }
    }

    [Fact]
    public void D6_flush_round_trips_terminate_over_many_seeds_while_data_flows()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            using var pty = new DeterministicPty(seed);
            var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
            var calls = new List<Task<SysResult>>
            {
                pty.Posix.WriteAsync(m, Bytes.Repeat('a', 3000)),
                pty.Posix.DiscardAsync(s, FlushFlags.FLUSHRW),
                pty.Posix.WriteAsync(s, Bytes.Repeat('b', 3000)),
                pty.Posix.DiscardAsync(m, FlushFlags.FLUSHRW),
                pty.Posix.DiscardAsync(m, FlushFlags.FLUSHR),
                pty.Posix.DiscardAsync(s, FlushFlags.FLUSHW),
            };
            pty.Settle();
            Assert.All(calls, call => Assert.True(call.IsCompleted && call.Result.IsOk));
            pty.Drain(m);
            pty.Drain(s);
            pty.Write(m, "after");
            Assert.Equal("after", pty.ReadText(s));
        }
    }

    [Fact]
    public void H2_flush_with_bad_flags_fails_einval_and_flush_0_is_accepted()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair();
        foreach (var fd in new[] { m, s })
        {
            pty.Ok(pty.Posix.DiscardAsync(fd, FlushFlags.None)); // no flags: nothing to flush
            pty.Fails(Errno.EINVAL, pty.Posix.DiscardAsync(fd, (FlushFlags)0x08));
            pty.Fails(Errno.EINVAL, pty.Posix.DiscardAsync(fd, FlushFlags.FLUSHBAND | FlushFlags.FLUSHR));
        }
        pty.Write(m, "still");
        Assert.Equal("still", pty.ReadText(s));
    }
}
