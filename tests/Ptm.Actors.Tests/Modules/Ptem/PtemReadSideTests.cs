using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.ModuleIoctls;

namespace Ptm.Actors.Tests.Modules;

/// <summary>ptem's read side: what the manager sends up the subsidiary (M3.8, M3.9).</summary>
public sealed class PtemReadSideTests
{
    private readonly Ptem _ptem = new();
    private readonly FakeModuleContext _context = new();

    [Fact]
    public void M3_8_Data_from_the_manager_passes_up()
    {
        _ptem.ReadPut(FakeModuleContext.Data("ls\r"), _context);
        Assert.Equal("ls\r", _context.TakeUpText());
    }

    [Fact]
    public void M3_8_M_READ_from_below_is_dropped()
    {
        _ptem.ReadPut(new ReadMessage(1), _context);
        Assert.Empty(_context.Up);
    }

    [Fact]
    public void M3_8_Answers_to_ptems_own_copies_are_discarded()
    {
        _ptem.ReadPut(new IoctlAck(1_000_001, 0), _context);
        _ptem.ReadPut(new IoctlNak(1_000_002, Errno.EINVAL), _context);
        Assert.Empty(_context.Up);
        Assert.Empty(_context.Down);
    }

    [Fact]
    public void M3_8_TCSBRK_0_from_the_manager_sends_a_break_up_and_ACKs_down()
    {
        _ptem.ReadPut(IntIoctl(IoctlCommands.TCSBRK, 0, id: 9), _context);
        Assert.Same(BreakMessage.Instance, Assert.Single(_context.Up));
        Assert.Equal(9, Assert.IsType<IoctlAck>(Assert.Single(_context.Down)).Id);
    }

    [Fact]
    public void M3_8_TCSBRK_with_a_nonzero_argument_from_the_manager_only_ACKs()
    {
        _ptem.ReadPut(IntIoctl(IoctlCommands.TCSBRK, 250, id: 9), _context);
        Assert.Empty(_context.Up);
        Assert.IsType<IoctlAck>(Assert.Single(_context.Down));
    }

    [Fact]
    public void M3_8_TIOCSIGNAL_sends_the_signal_up_as_a_priority_signal_and_ACKs_down()
    {
        _ptem.ReadPut(IntIoctl(IoctlCommands.TIOCSIGNAL, (int)Signal.SIGINT, id: 9), _context);
        Assert.Equal(new SignalMessage(Signal.SIGINT, true), Assert.Single(_context.Up));
        Assert.Equal(9, Assert.IsType<IoctlAck>(Assert.Single(_context.Down)).Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Signals.NSIG)]
    [InlineData(-3)]
    public void M3_8_TIOCSIGNAL_outside_1_to_NSIG_minus_1_is_NAKed_EINVAL_down(int signal)
    {
        _ptem.ReadPut(IntIoctl(IoctlCommands.TIOCSIGNAL, signal, id: 9), _context);
        Assert.Empty(_context.Up);
        Assert.Equal(Errno.EINVAL, Assert.IsType<IoctlNak>(Assert.Single(_context.Down)).Error);
    }

    [Fact]
    public void M3_8_TIOCSIGNAL_accepts_the_highest_signal_number()
    {
        _ptem.ReadPut(IntIoctl(IoctlCommands.TIOCSIGNAL, Signals.NSIG - 1), _context);
        Assert.Equal(new SignalMessage((Signal)(Signals.NSIG - 1), true), Assert.Single(_context.Up));
    }

    [Fact]
    public void M3_8_TIOCREMOTE_1_tells_ldterm_to_stop_canonical_processing_and_remembers_remote_mode()
    {
        _ptem.ReadPut(IntIoctl(IoctlCommands.TIOCREMOTE, 1, id: 9), _context);
        Assert.Equal(new CtlMessage(CtlMessage.NoCanon), Assert.Single(_context.Up));
        Assert.Equal(9, Assert.IsType<IoctlAck>(Assert.Single(_context.Down)).Id);
        Assert.True(_ptem.RemoteMode);
    }

    [Fact]
    public void M3_8_TIOCREMOTE_0_resumes_canonical_processing_and_leaves_remote_mode()
    {
        _ptem.ReadPut(IntIoctl(IoctlCommands.TIOCREMOTE, 1), _context);
        _context.Up.Clear();
        _ptem.ReadPut(IntIoctl(IoctlCommands.TIOCREMOTE, 0), _context);
        Assert.Equal(new CtlMessage(CtlMessage.DoCanon), Assert.Single(_context.Up));
        Assert.False(_ptem.RemoteMode);
    }

    [Fact]
    public void M3_8_Any_other_manager_ioctl_passes_up_to_be_NAKed_by_the_subsidiary_stream_head()
    {
        var ioctl = Request(IoctlCommands.TCGETS, id: 9);
        _ptem.ReadPut(ioctl, _context);
        Assert.Same(ioctl, Assert.Single(_context.Up));
        Assert.Empty(_context.Down);
    }

    [Fact]
    public void M3_9_M_HANGUP_releases_stopped_output_and_passes_up()
    {
        _ptem.WritePut(new FlowMessage(FlowKind.StopOutput), _context);
        _ptem.ReadPut(HangupMessage.Instance, _context);
        Assert.False(_ptem.HoldsWriteSide);
        Assert.Equal(1, _context.Enables);
        Assert.Same(HangupMessage.Instance, Assert.Single(_context.Up));
    }

    [Fact]
    public void M3_9_M_HANGUP_with_output_running_only_passes_up()
    {
        _ptem.ReadPut(HangupMessage.Instance, _context);
        Assert.Equal(0, _context.Enables);
        Assert.Same(HangupMessage.Instance, Assert.Single(_context.Up));
    }
}
