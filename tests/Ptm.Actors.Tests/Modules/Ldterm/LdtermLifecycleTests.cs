using Ptm.Actors.Streams;
using LdtermModule = Ptm.Actors.Modules.Ldterm;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>M1 open and close, and the messages ldterm flushes on or passes through.</summary>
public class LdtermLifecycleTests
{
    [Fact]
    public void Open_makes_the_stream_a_terminal_with_message_nondiscard_reads()
    {
        var ldterm = new LdtermModule();
        var context = new FakeModuleContext();
        Assert.Equal(Errno.None, ldterm.Open(context));
        var options = Assert.IsType<SetOptionsMessage>(Assert.Single(context.Up));
        Assert.True(options.IsTty);
        Assert.Equal(ReadMode.MessageNondiscard, options.Mode);
        Assert.Equal(new WaterMarks(2048, 200), options.ReadQueueMarks);
    }

    [Fact]
    public void Close_restores_byte_stream_reads_without_m_read()
    {
        var ldterm = new LdtermHarness();
        ldterm.Module.Close(ldterm.Context);
        Assert.Equal(new SetOptionsMessage(null, ReadMode.ByteStream, ReadNotify: false), Assert.Single(ldterm.Up));
    }

    [Fact]
    public void Close_disarms_a_pending_vtime()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(0, 3);
        ldterm.Read();
        ldterm.Module.Close(ldterm.Context);
        Assert.Null(ldterm.Context.Timer);
    }

    [Fact]
    public void The_module_is_called_ldterm_and_holds_back_writers_once_anything_is_queued()
    {
        var ldterm = new LdtermModule();
        Assert.Equal("ldterm", ldterm.Name);
        Assert.Equal(new WaterMarks(1, 0), ldterm.WriteMarks);
        Assert.Equal(new WaterMarks(2048, 200), ldterm.ReadMarks);
    }

    [Fact]
    public void A_flush_from_below_drops_the_partial_line_and_passes_up()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc");
        ldterm.FromBelow(new FlushMessage(FlushFlags.FLUSHR));
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHR), Assert.Single(ldterm.Up));
        ldterm.Type("\n");
        Assert.Equal(new[] { "\n" }, ldterm.UpData());
    }

    [Fact]
    public void A_flush_from_above_passes_down()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromAbove(new FlushMessage(FlushFlags.FLUSHRW));
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHRW), Assert.Single(ldterm.Down));
    }

    [Fact]
    public void A_hangup_drops_the_line_restarts_output_flushes_both_ways_and_passes_up()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc\x13");
        ldterm.Clear();
        ldterm.FromBelow(HangupMessage.Instance);
        Assert.Equal(new StreamMessage[] { new FlushMessage(FlushFlags.FLUSHW), HangupMessage.Instance }, ldterm.Up);
        Assert.Equal(new StreamMessage[] { new FlowMessage(FlowKind.StartOutput), new FlushMessage(FlushFlags.FLUSHR) }, ldterm.Down);
        ldterm.Clear();
        ldterm.Type("\n");
        Assert.Equal(new[] { "\n" }, ldterm.UpData());
    }

    [Fact]
    public void The_remote_mode_control_message_passes_up_after_ldterm_sees_it()
    {
        var ldterm = new LdtermHarness();
        var control = new CtlMessage(CtlMessage.NoCanon);
        ldterm.FromBelow(control);
        Assert.Equal(control, Assert.Single(ldterm.Up));
    }

    [Fact]
    public void Messages_ldterm_does_not_handle_pass_through_unchanged_both_ways()
    {
        var ldterm = new LdtermHarness();
        StreamMessage[] fromBelow =
        {
            new SignalMessage(Signal.SIGWINCH, false), new SignalMessage(Signal.SIGINT, true),
            new ErrorMessage(Errno.EIO, Errno.EIO), new ProtoMessage(new byte[] { 1 }, new byte[] { 2 }, false),
        };
        foreach (var message in fromBelow) ldterm.FromBelow(message);
        Assert.Equal(fromBelow, ldterm.Up);
        StreamMessage[] fromAbove = { new ProtoMessage(new byte[] { 1 }, ReadOnlyMemory<byte>.Empty, true), BreakMessage.Instance };
        foreach (var message in fromAbove) ldterm.FromAbove(message);
        Assert.Equal(fromAbove, ldterm.Down);
    }

    [Fact]
    public void A_zero_length_message_from_below_is_not_an_end_of_file_in_canonical_mode()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromBelow(DataMessage.Empty);
        Assert.Empty(ldterm.Up);
    }
}
