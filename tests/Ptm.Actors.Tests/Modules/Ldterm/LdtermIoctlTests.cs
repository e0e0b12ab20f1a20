using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.Ldterm.LdtermHarness;

namespace Ptm.Actors.Tests.Modules.Ldterm;

/// <summary>M1 termios ioctls, TCFLSH and TCXONC; the default modes of M4.3 and isatty's TCGETA of M4.4.</summary>
public class LdtermIoctlTests
{
    [Fact]
    public void Tcgets_is_answered_here_with_the_default_modes()
    {
        var ldterm = new LdtermHarness();
        var get = ldterm.Ioctl(IoctlCommands.TCGETS);
        ldterm.FromAbove(get);
        var ack = Assert.IsType<IoctlAck>(Assert.Single(ldterm.Up));
        Assert.Equal(get.Id, ack.Id);
        Assert.True(Termios.TryParse(ack.Data!.Value.Span, out var modes));
        Assert.Equal(Termios.Default, modes);
        Assert.Empty(ldterm.Down);
    }

    [Fact]
    public void Tcgeta_is_answered_here_so_isatty_holds_without_ptem()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCGETA));
        var ack = Assert.IsType<IoctlAck>(Assert.Single(ldterm.Up));
        Assert.Equal(Termios.Default.ToTermioBytes(), ack.Data!.Value.ToArray());
        Assert.Empty(ldterm.Down);
    }

    [Fact]
    public void Tcsets_stores_the_modes_and_passes_the_ioctl_down_for_its_answer()
    {
        var ldterm = new LdtermHarness();
        var modes = Termios.Default with { Local = Termios.Default.Local & ~LocalModes.ECHO };
        var set = ldterm.Ioctl(IoctlCommands.TCSETS, modes.ToBytes());
        ldterm.FromAbove(set);
        Assert.Equal(set, Assert.Single(ldterm.Down));
        Assert.Empty(ldterm.Up);
        Assert.Equal(modes, ldterm.Module.Modes);
    }

    [Fact]
    public void The_answer_from_below_passes_up_unchanged()
    {
        var ldterm = new LdtermHarness();
        var nak = new IoctlNak(5, Errno.EINVAL);
        var ack = new IoctlAck(6, 0);
        ldterm.FromBelow(nak);
        ldterm.FromBelow(ack);
        Assert.Equal(new StreamMessage[] { nak, ack }, ldterm.Up);
    }

    [Fact]
    public void Tcseta_merges_the_short_termio_into_the_modes()
    {
        var ldterm = new LdtermHarness();
        var termio = (Termios.Default with { Input = InputModes.ICRNL }).With(ControlChar.VINTR, 0x7f).ToTermioBytes();
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCSETA, termio));
        Assert.Equal(InputModes.ICRNL, ldterm.Module.Modes.Input);
        Assert.Equal(0x7f, ldterm.Module.Modes[ControlChar.VINTR]);
        Assert.Equal(Termios.Default[ControlChar.VREPRINT], ldterm.Module.Modes[ControlChar.VREPRINT]);
    }

    [Fact]
    public void A_set_with_a_short_payload_is_refused_einval()
    {
        var ldterm = new LdtermHarness();
        var set = ldterm.Ioctl(IoctlCommands.TCSETS, new byte[4]);
        ldterm.FromAbove(set);
        Assert.Equal(set.Nak(Errno.EINVAL), Assert.Single(ldterm.Up));
        Assert.Empty(ldterm.Down);
    }

    [Fact]
    public void Tcsetsf_drops_pending_input_and_flushes_the_head_first()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("typed ahead");
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCSETSF, Termios.Default.ToBytes()));
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHR), Assert.Single(ldterm.Up));
        ldterm.Type("\n");
        Assert.Equal(new[] { "\n" }, ldterm.UpData());
    }

    [Fact]
    public void Tcsetsw_keeps_pending_input()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("kept");
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCSETSW, Termios.Default.ToBytes()));
        ldterm.Type("\n");
        Assert.Equal(new[] { "kept\n" }, ldterm.UpData());
    }

    [Fact]
    public void Tcflsh_0_drops_input_here_and_flushes_reads_both_ways()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc");
        ldterm.Clear();
        var flush = ldterm.Ioctl(IoctlCommands.TCFLSH, Int(0));
        ldterm.FromAbove(flush);
        Assert.Equal(new StreamMessage[] { new FlushMessage(FlushFlags.FLUSHR), flush.Ack(0) }, ldterm.Up);
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHR), Assert.Single(ldterm.Down));
        ldterm.Type("\n");
        Assert.Equal(new[] { "\n" }, ldterm.UpData());
    }

    [Fact]
    public void Tcflsh_1_flushes_writes_both_ways_and_swallows_the_turned_round_copy()
    {
        var ldterm = new LdtermHarness();
        var flush = ldterm.Ioctl(IoctlCommands.TCFLSH, Int(1));
        ldterm.FromAbove(flush);
        Assert.Equal(new StreamMessage[] { new FlushMessage(FlushFlags.FLUSHW), flush.Ack(0) }, ldterm.Up);
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHW), Assert.Single(ldterm.Down));
        ldterm.Clear();
        ldterm.FromAbove(new FlushMessage(FlushFlags.FLUSHW));
        Assert.Empty(ldterm.Down);
    }

    [Fact]
    public void Tcflsh_2_flushes_both_queues_both_ways()
    {
        var ldterm = new LdtermHarness();
        ldterm.Type("abc");
        ldterm.Clear();
        var flush = ldterm.Ioctl(IoctlCommands.TCFLSH, Int(2));
        ldterm.FromAbove(flush);
        Assert.Equal(new StreamMessage[] { new FlushMessage(FlushFlags.FLUSHRW), flush.Ack(0) }, ldterm.Up);
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHRW), Assert.Single(ldterm.Down));
        ldterm.Type("\n");
        Assert.Equal(new[] { "\n" }, ldterm.UpData());
    }

    [Fact]
    public void Tcflsh_with_another_argument_is_refused_einval()
    {
        var ldterm = new LdtermHarness();
        var flush = ldterm.Ioctl(IoctlCommands.TCFLSH, Int(3));
        ldterm.FromAbove(flush);
        Assert.Equal(flush.Nak(Errno.EINVAL), Assert.Single(ldterm.Up));
        Assert.Empty(ldterm.Down);
    }

    [Theory]
    [InlineData(0, (int)FlowKind.StopOutput)]
    [InlineData(2, (int)FlowKind.StopInput)]
    [InlineData(3, (int)FlowKind.StartInput)]
    public void Tcxonc_sends_its_flow_message_down_and_succeeds(int action, int kindValue)
    {
        var kind = (FlowKind)kindValue; // the enum is internal; a public test method takes its number
        var ldterm = new LdtermHarness();
        var xonc = ldterm.Ioctl(IoctlCommands.TCXONC, Int(action));
        ldterm.FromAbove(xonc);
        Assert.Equal(new FlowMessage(kind), Assert.Single(ldterm.Down));
        Assert.Equal(xonc.Ack(0), Assert.Single(ldterm.Up));
    }

    [Fact]
    public void Tcxonc_1_restarts_only_output_that_was_stopped()
    {
        var ldterm = new LdtermHarness();
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCXONC, Int(1)));
        Assert.Empty(ldterm.Down);
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCXONC, Int(0)));
        ldterm.FromAbove(ldterm.Ioctl(IoctlCommands.TCXONC, Int(1)));
        Assert.Equal(new[] { new FlowMessage(FlowKind.StopOutput), new FlowMessage(FlowKind.StartOutput) }, ldterm.Down);
    }

    [Fact]
    public void Tcxonc_with_another_argument_is_refused_einval()
    {
        var ldterm = new LdtermHarness();
        var xonc = ldterm.Ioctl(IoctlCommands.TCXONC, Int(4));
        ldterm.FromAbove(xonc);
        Assert.Equal(xonc.Nak(Errno.EINVAL), Assert.Single(ldterm.Up));
    }

    [Theory]
    [InlineData(IoctlCommands.TCSBRK)]
    [InlineData(IoctlCommands.TIOCGWINSZ)]
    [InlineData(0x12345)]
    public void Other_ioctls_pass_down_unanswered(int command)
    {
        var ldterm = new LdtermHarness();
        var ioctl = ldterm.Ioctl(command, Int(1));
        ldterm.FromAbove(ioctl);
        Assert.Equal(ioctl, Assert.Single(ldterm.Down));
        Assert.Empty(ldterm.Up);
    }
}
