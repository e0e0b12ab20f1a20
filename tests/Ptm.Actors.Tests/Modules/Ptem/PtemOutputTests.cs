using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.ModuleIoctls;

namespace Ptm.Actors.Tests.Modules;

/// <summary>ptem's write-side data and the write-side ioctls that send something down (M3.5, M3.6).</summary>
public sealed class PtemOutputTests
{
    private readonly Ptem _ptem = new();
    private readonly FakeModuleContext _context = new();

    [Fact]
    public void M3_6_Data_passes_down_unchanged()
    {
        _ptem.WritePut(FakeModuleContext.Data("hi"), _context);
        Assert.Equal("hi", _context.TakeDownText());
    }

    [Fact]
    public void M3_6_A_zero_length_write_is_dropped_outside_XPG4_mode()
    {
        _ptem.WritePut(DataMessage.Empty, _context);
        Assert.Empty(_context.Down);
    }

    [Fact]
    public void M3_6_After_PTSSTTY_a_zero_length_write_travels_down()
    {
        _ptem.WritePut(Request(IoctlCommands.PTSSTTY), _context);
        _ptem.WritePut(DataMessage.Empty, _context);
        Assert.Equal(DataMessage.Empty, Assert.Single(_context.Down));
    }

    [Fact]
    public void M3_6_M_STOP_holds_the_write_side_and_passes_down()
    {
        _ptem.WritePut(new FlowMessage(FlowKind.StopOutput), _context);
        Assert.True(_ptem.HoldsWriteSide);
        Assert.Equal(new FlowMessage(FlowKind.StopOutput), Assert.Single(_context.Down));
    }

    [Fact]
    public void M3_6_M_START_releases_the_write_side_and_reenables_it()
    {
        _ptem.WritePut(new FlowMessage(FlowKind.StopOutput), _context);
        _ptem.WritePut(new FlowMessage(FlowKind.StartOutput), _context);
        Assert.False(_ptem.HoldsWriteSide);
        Assert.Equal(1, _context.Enables);
        Assert.Equal(new FlowMessage(FlowKind.StartOutput), _context.Down[^1]);
    }

    [Fact]
    public void M3_6_M_STOPI_does_not_hold_output()
    {
        _ptem.WritePut(new FlowMessage(FlowKind.StopInput), _context);
        Assert.False(_ptem.HoldsWriteSide);
        Assert.Single(_context.Down);
    }

    [Fact]
    public void M3_6_M_READ_on_the_write_side_is_dropped()
    {
        _ptem.WritePut(new ReadMessage(5), _context);
        Assert.Empty(_context.Down);
        Assert.Empty(_context.Up);
    }

    [Fact]
    public void M3_6_M_FLUSH_passes_down()
    {
        _ptem.WritePut(new FlushMessage(FlushFlags.FLUSHW), _context);
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHW), Assert.Single(_context.Down));
    }

    [Fact]
    public void D7_The_subsidiary_stream_heads_NAK_of_a_manager_ioctl_passes_down_towards_the_manager()
    {
        var nak = new IoctlNak(9, Errno.EINVAL);
        _ptem.WritePut(nak, _context);
        Assert.Same(nak, Assert.Single(_context.Down));
        Assert.Empty(_context.Up);
    }

    [Theory]
    [InlineData(IoctlCommands.TCGETS, true)]
    [InlineData(IoctlCommands.TIOCSWINSZ, true)]
    [InlineData(IoctlCommands.TCSETS, true)]
    [InlineData(IoctlCommands.TCSETSW, false)]
    [InlineData(IoctlCommands.TCSETSF, false)]
    [InlineData(IoctlCommands.TCSETAW, false)]
    [InlineData(IoctlCommands.TCSETAF, false)]
    [InlineData(IoctlCommands.TCSBRK, false)]
    public void M3_6_Only_the_draining_ioctls_wait_behind_stopped_output(int command, bool atOnce)
    {
        Assert.Equal(atOnce, new Ptem().TakesAtOnce(Request(command)));
        Assert.False(new Ptem().TakesAtOnce(FakeModuleContext.Data("x")));
    }

    [Fact]
    public void M3_5_TCSBRK_0_sends_a_copy_then_a_break_down_and_ACKs()
    {
        _ptem.WritePut(IntIoctl(IoctlCommands.TCSBRK, 0, id: 7), _context);
        var copy = Assert.IsType<IoctlMessage>(_context.Down[0]);
        Assert.Equal(IoctlCommands.TCSBRK, copy.Command);
        Assert.NotEqual(7, copy.Id);
        Assert.Same(BreakMessage.Instance, _context.Down[1]);
        Assert.Equal(7, Assert.IsType<IoctlAck>(Assert.Single(_context.Up)).Id);
    }

    [Fact]
    public void M3_5_TCSBRK_with_a_nonzero_argument_sends_only_the_copy()
    {
        _ptem.WritePut(IntIoctl(IoctlCommands.TCSBRK, 1), _context);
        Assert.IsType<IoctlMessage>(Assert.Single(_context.Down));
        Assert.IsType<IoctlAck>(Assert.Single(_context.Up));
    }

    [Fact]
    public void M3_5_TIOCSTI_loops_the_character_up_copies_the_ioctl_down_and_ACKs()
    {
        _ptem.WritePut(Request(IoctlCommands.TIOCSTI, "q"u8.ToArray(), id: 7), _context);
        Assert.Equal("q", System.Text.Encoding.Latin1.GetString(Assert.IsType<DataMessage>(_context.Up[0]).Bytes.Span));
        Assert.Equal(7, Assert.IsType<IoctlAck>(_context.Up[1]).Id);
        Assert.Equal(IoctlCommands.TIOCSTI, Assert.IsType<IoctlMessage>(Assert.Single(_context.Down)).Command);
    }

    [Fact]
    public void M3_5_TIOCSTI_in_remote_mode_only_copies_the_ioctl_down()
    {
        _ptem.ReadPut(IntIoctl(IoctlCommands.TIOCREMOTE, 1, id: 3), _context);
        _context.Up.Clear();
        _context.Down.Clear();
        _ptem.WritePut(Request(IoctlCommands.TIOCSTI, "q"u8.ToArray()), _context);
        Assert.IsType<IoctlAck>(Assert.Single(_context.Up));
        Assert.IsType<IoctlMessage>(Assert.Single(_context.Down));
    }

    [Fact]
    public void M3_5_TIOCSTI_fails_EAGAIN_when_the_read_side_is_full()
    {
        _context.CanPutUp = false;
        _ptem.WritePut(Request(IoctlCommands.TIOCSTI, "q"u8.ToArray()), _context);
        Assert.Equal(Errno.EAGAIN, Assert.IsType<IoctlNak>(Assert.Single(_context.Up)).Error);
        Assert.Empty(_context.Down);
    }
}
