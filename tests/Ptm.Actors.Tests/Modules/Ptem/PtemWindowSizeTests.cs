using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.ModuleIoctls;

namespace Ptm.Actors.Tests.Modules;

/// <summary>The window-size ioctls from either side (M3.5, M3.8, PD10).</summary>
public sealed class PtemWindowSizeTests
{
    private readonly Ptem _ptem = new();
    private readonly FakeModuleContext _context = new();

    private static IoctlMessage SetSize(WindowSize size, long id = 7) => Request(IoctlCommands.TIOCSWINSZ, size.ToBytes(), id);

    [Fact]
    public void M3_5_TIOCGWINSZ_answers_the_stored_size_even_when_it_is_zero()
    {
        _ptem.WritePut(Request(IoctlCommands.TIOCGWINSZ), _context);
        var ack = Assert.IsType<IoctlAck>(Assert.Single(_context.Up));
        Assert.Equal(new WindowSize().ToBytes(), ack.Data!.Value.ToArray());
    }

    [Fact]
    public void M3_5_JWINSIZE_fails_EINVAL_while_the_size_is_all_zero()
    {
        _ptem.WritePut(Request(IoctlCommands.JWINSIZE), _context);
        Assert.Equal(Errno.EINVAL, Assert.IsType<IoctlNak>(Assert.Single(_context.Up)).Error);
    }

    [Fact]
    public void M3_5_JWINSIZE_answers_the_size_once_one_is_set()
    {
        _ptem.WritePut(SetSize(new WindowSize(24, 80)), _context);
        _context.Up.Clear();
        _ptem.WritePut(Request(IoctlCommands.JWINSIZE), _context);
        Assert.Equal(new WindowSize(24, 80).ToBytes(), Assert.IsType<IoctlAck>(Assert.Single(_context.Up)).Data!.Value.ToArray());
    }

    [Fact]
    public void M3_5_A_changing_TIOCSWINSZ_signals_SIGWINCH_up_copies_down_stores_and_ACKs()
    {
        _ptem.WritePut(SetSize(new WindowSize(24, 80), id: 7), _context);
        Assert.Equal(new SignalMessage(Signal.SIGWINCH, false), _context.Up[0]);
        Assert.Equal(7, Assert.IsType<IoctlAck>(_context.Up[1]).Id);
        var copy = Assert.IsType<IoctlMessage>(Assert.Single(_context.Down));
        Assert.Equal(IoctlCommands.TIOCSWINSZ, copy.Command);
        Assert.NotEqual(7, copy.Id);
        Assert.Equal(new WindowSize(24, 80), _ptem.Size);
    }

    [Fact]
    public void M3_5_A_TIOCSWINSZ_to_the_same_size_only_ACKs()
    {
        _ptem.WritePut(SetSize(new WindowSize(24, 80)), _context);
        _context.Up.Clear();
        _context.Down.Clear();
        _ptem.WritePut(SetSize(new WindowSize(24, 80)), _context);
        Assert.IsType<IoctlAck>(Assert.Single(_context.Up));
        Assert.Empty(_context.Down);
    }

    [Fact]
    public void PD10_A_change_of_ypixel_alone_is_seen_even_when_the_old_ypixel_equals_the_new_xpixel()
    {
        _ptem.WritePut(SetSize(new WindowSize(24, 80, 5, 5)), _context);
        _context.Up.Clear();
        _ptem.WritePut(SetSize(new WindowSize(24, 80, 5, 9)), _context); // OQ-11's slip would miss this
        Assert.Contains(new SignalMessage(Signal.SIGWINCH, false), _context.Up);
        Assert.Equal(new WindowSize(24, 80, 5, 9), _ptem.Size);
    }

    [Fact]
    public void M3_5_A_TIOCSWINSZ_too_short_for_a_winsize_fails_EINVAL()
    {
        _ptem.WritePut(Request(IoctlCommands.TIOCSWINSZ, new byte[4]), _context);
        Assert.Equal(Errno.EINVAL, Assert.IsType<IoctlNak>(Assert.Single(_context.Up)).Error);
        Assert.Equal(default, _ptem.Size);
    }

    [Fact]
    public void M3_8_The_manager_sets_the_size_SIGWINCH_goes_up_and_the_ACK_goes_back_down_with_no_copy()
    {
        _ptem.ReadPut(SetSize(new WindowSize(50, 132), id: 9), _context);
        Assert.Equal(new SignalMessage(Signal.SIGWINCH, false), Assert.Single(_context.Up));
        Assert.Equal(9, Assert.IsType<IoctlAck>(Assert.Single(_context.Down)).Id);
        Assert.Equal(new WindowSize(50, 132), _ptem.Size);
    }

    [Fact]
    public void M3_8_The_manager_reads_the_size_the_subsidiary_set()
    {
        _ptem.WritePut(SetSize(new WindowSize(24, 80)), _context);
        _context.Down.Clear();
        _ptem.ReadPut(Request(IoctlCommands.TIOCGWINSZ, id: 9), _context);
        var ack = Assert.IsType<IoctlAck>(Assert.Single(_context.Down));
        Assert.Equal(new WindowSize(24, 80).ToBytes(), ack.Data!.Value.ToArray());
    }

    [Fact]
    public void M3_8_JWINSIZE_from_the_manager_is_NAKed_back_down_while_the_size_is_zero()
    {
        _ptem.ReadPut(Request(IoctlCommands.JWINSIZE, id: 9), _context);
        Assert.Equal(Errno.EINVAL, Assert.IsType<IoctlNak>(Assert.Single(_context.Down)).Error);
        Assert.Empty(_context.Up);
    }
}
