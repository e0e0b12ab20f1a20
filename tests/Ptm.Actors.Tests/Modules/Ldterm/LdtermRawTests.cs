using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>M1 non-canonical input: the head's read mode, M_READ, and VMIN/VTIME's four cases as Linux has them (M4.7).</summary>
public class LdtermRawTests
{
    [Fact]
    public void Leaving_canonical_mode_asks_the_head_for_byte_stream_reads_and_m_read()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCSETS, (Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ICANON }).ToBytes()));
        Assert.Equal(new SetOptionsMessage(null, ReadMode.ByteStream, ReadNotify: true), Assert.Single(ldterm.Up));
    }

    [Fact]
    public void Returning_to_canonical_mode_restores_message_nondiscard_reads_without_m_read()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(1, 0);
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCSETS, Termios.Default.ToBytes()));
        Assert.Equal(new SetOptionsMessage(null, ReadMode.MessageNondiscard, ReadNotify: false), Assert.Single(ldterm.Up));
    }

    [Fact]
    public void Without_setting_min_raw_reads_wait_for_four_bytes_because_vmin_shares_the_eof_slot()
    {
        var ldterm = new LdtermHarness(Local(LocalModes.None, LocalModes.ICANON));
        ldterm.Read();
        ldterm.Type("abc");
        Assert.Empty(ldterm.UpData());
        ldterm.Type("d");
        Assert.Equal(new[] { "abcd" }, ldterm.UpData());
    }

    [Fact]
    public void The_partial_line_is_sent_up_by_the_mode_change_itself()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc");
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCSETS, (Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ICANON }).With(ControlChar.VMIN, 1).ToBytes()));
        Assert.Equal(new[] { "abc" }, ldterm.UpData());
    }

    [Fact]
    public void Raw_input_is_not_edited_and_a_newline_is_not_special()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(1, 0);
        ldterm.Type("a\x7f\x15\n");
        Assert.Equal(new[] { "a\x7f\x15\n" }, ldterm.UpData());
    }

    [Fact]
    public void Min_without_time_sends_the_bytes_up_once_min_are_there()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(3, 0);
        ldterm.Read();
        ldterm.Type("ab");
        Assert.Empty(ldterm.UpData());
        ldterm.Type("cd");
        Assert.Equal(new[] { "abcd" }, ldterm.UpData());
        Assert.Null(ldterm.Context.Timer);
    }

    [Fact]
    public void Min_and_time_zero_answer_a_read_with_nothing_by_a_zero_length_message()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(0, 0);
        ldterm.Read();
        var message = Assert.IsType<DataMessage>(Assert.Single(ldterm.Up));
        Assert.True(message.IsZeroLength);
    }

    [Fact]
    public void Min_and_time_zero_send_input_up_as_it_arrives()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(0, 0);
        ldterm.Type("x");
        Assert.Equal(new[] { "x" }, ldterm.UpData());
    }

    [Fact]
    public void Time_without_min_arms_vtime_at_the_read_and_answers_zero_bytes_when_it_runs_out()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(0, 5);
        ldterm.Read();
        Assert.Equal(TimeSpan.FromMilliseconds(500), ldterm.Context.Timer);
        Assert.Empty(ldterm.Up);
        ldterm.Context.FireTimer(ldterm.Module);
        Assert.True(Assert.IsType<DataMessage>(Assert.Single(ldterm.Up)).IsZeroLength);
    }

    [Fact]
    public void Time_without_min_sends_the_first_input_up_and_stops_the_timer()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(0, 5);
        ldterm.Read();
        ldterm.Type("q");
        Assert.Equal(new[] { "q" }, ldterm.UpData());
        Assert.Null(ldterm.Context.Timer);
    }

    [Fact]
    public void Min_and_time_start_the_inter_byte_timer_only_after_the_first_byte()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(4, 2);
        ldterm.Read();
        Assert.Null(ldterm.Context.Timer);
        ldterm.Type("ab");
        Assert.Equal(TimeSpan.FromMilliseconds(200), ldterm.Context.Timer);
        Assert.Empty(ldterm.UpData());
    }

    [Fact]
    public void Min_and_time_send_what_came_when_the_inter_byte_timer_runs_out()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(4, 2);
        ldterm.Read();
        ldterm.Type("ab");
        ldterm.Context.FireTimer(ldterm.Module);
        Assert.Equal(new[] { "ab" }, ldterm.UpData());
    }

    [Fact]
    public void Min_and_time_send_at_once_when_min_bytes_arrive()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(2, 9);
        ldterm.Type("a");
        ldterm.Type("b");
        Assert.Equal(new[] { "ab" }, ldterm.UpData());
        Assert.Null(ldterm.Context.Timer);
    }

    [Fact]
    public void The_read_request_passes_down()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(1, 0);
        ldterm.Read(7);
        Assert.Equal(new ReadMessage(7), Assert.Single(ldterm.Down));
    }

    [Fact]
    public void A_flush_from_above_ends_a_timed_read()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(0, 5);
        ldterm.Read();
        ldterm.FromAbove(new FlushMessage(FlushFlags.FLUSHR));
        Assert.Null(ldterm.Context.Timer);
        Assert.Empty(ldterm.Up);
    }

    [Fact]
    public void Literal_next_shields_the_next_byte_and_is_not_itself_raw_input()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(1, 0);
        ldterm.Type("\x16\x03");
        Assert.Equal(new[] { "\x03" }, ldterm.UpData());
        Assert.DoesNotContain(ldterm.Up, m => m is SignalMessage);
        Assert.Equal("^\b^C", ldterm.TakeDownText());
    }

    [Fact]
    public void Raw_input_is_echoed_with_control_characters_as_carets()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(1, 0);
        ldterm.Type("a\x01");
        Assert.Equal("a^A", ldterm.TakeDownText());
    }

    [Fact]
    public void Signals_still_work_in_raw_mode_under_isig()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(1, 0);
        ldterm.Type("\x03");
        Assert.Contains(new SignalMessage(Signal.SIGINT, true), ldterm.Up);
        Assert.Empty(ldterm.UpData());
    }

    [Fact]
    public void Remote_mode_passes_input_up_untouched_and_drops_the_partial_line()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("old");
        ldterm.FromBelow(new CtlMessage(CtlMessage.NoCanon));
        ldterm.Clear();
        ldterm.Type("a\x03\x7f\r");
        Assert.Equal(new[] { "a\x03\x7f\r" }, ldterm.UpData());
        Assert.Empty(ldterm.Down);
        ldterm.FromBelow(new CtlMessage(CtlMessage.DoCanon));
        ldterm.Clear();
        ldterm.Type("b\n");
        Assert.Equal(new[] { "b\n" }, ldterm.UpData());
    }

    [Fact]
    public void Returning_to_canonical_mode_disarms_a_pending_vtime()
    {
        var ldterm = new LdtermHarness();
        ldterm.Raw(0, 5);
        ldterm.Read();
        ldterm.Set(_ => Termios.Default);
        Assert.Null(ldterm.Context.Timer);
    }

    [Fact]
    public void A_read_request_in_canonical_mode_only_passes_down()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc");
        ldterm.Clear();
        ldterm.Read();
        Assert.Empty(ldterm.Up);
        Assert.Equal(new ReadMessage(1024), Assert.Single(ldterm.Down));
    }
}
