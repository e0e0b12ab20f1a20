using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.ModuleIoctls;

namespace Ptm.Actors.Tests.Modules;

/// <summary>
/// ptem's ioctls whose argument is missing or too short. ptem's ptioc and wput run miocpullup
/// first and NAK with its error (EINVAL) before touching state or sending a copy down for pckt,
/// so a malformed ioctl fails alone and changes nothing (M3.3, M3.5, M3.8).
/// </summary>
public sealed class PtemMalformedIoctlTests
{
    private readonly Ptem _ptem = new();
    private readonly FakeModuleContext _context = new();

    public static TheoryData<byte[]?> ShortIntArguments => new() { null, Array.Empty<byte>(), new byte[] { 0, 0 } };

    [Theory]
    [MemberData(nameof(ShortIntArguments))]
    public void M3_5_TCSBRK_without_a_whole_int_is_NAKed_EINVAL_and_sends_nothing_down(byte[]? payload)
    {
        // A missing argument must not read as 0: that would send a real break.
        _ptem.WritePut(Request(IoctlCommands.TCSBRK, payload, id: 9), _context);

        AssertNakedUp(9);
        Assert.Empty(_context.Down);
    }

    [Fact]
    public void M3_5_TIOCSTI_without_a_character_is_NAKed_EINVAL_and_types_nothing()
    {
        _ptem.WritePut(Request(IoctlCommands.TIOCSTI, [], id: 9), _context);

        AssertNakedUp(9);
        Assert.Empty(_context.Down);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(Termios.TermioLength - 1)]
    public void M3_3_TCSETA_shorter_than_a_termio_is_NAKed_EINVAL_and_keeps_c_cflag(int length)
    {
        var before = _ptem.Cflag;

        _ptem.WritePut(Request(IoctlCommands.TCSETA, new byte[length], id: 9), _context);

        AssertNakedUp(9);
        Assert.Empty(_context.Down);
        Assert.Equal(before, _ptem.Cflag);
    }

    [Theory]
    [MemberData(nameof(ShortIntArguments))]
    public void M3_8_Manager_TCSBRK_without_a_whole_int_is_NAKed_EINVAL_down_and_sends_no_break(byte[]? payload)
    {
        _ptem.ReadPut(Request(IoctlCommands.TCSBRK, payload, id: 9), _context);

        AssertNakedDown(9);
        Assert.Empty(_context.Up);
    }

    [Theory]
    [MemberData(nameof(ShortIntArguments))]
    public void M3_8_TIOCREMOTE_without_a_whole_int_is_NAKed_EINVAL_down_and_leaves_the_mode(byte[]? payload)
    {
        _ptem.ReadPut(Request(IoctlCommands.TIOCREMOTE, payload, id: 9), _context);

        AssertNakedDown(9);
        Assert.Empty(_context.Up);
        Assert.False(_ptem.RemoteMode);
    }

    [Fact]
    public void M3_8_TIOCSIGNAL_accepts_SIGHUP_the_lowest_signal_number()
    {
        _ptem.ReadPut(IntIoctl(IoctlCommands.TIOCSIGNAL, (int)Signal.SIGHUP, id: 9), _context);

        Assert.Equal(new SignalMessage(Signal.SIGHUP, true), Assert.Single(_context.Up));
        Assert.Equal(9, Assert.IsType<IoctlAck>(Assert.Single(_context.Down)).Id);
    }

    private void AssertNakedUp(long id) => AssertNak(Assert.Single(_context.Up), id);

    private void AssertNakedDown(long id) => AssertNak(Assert.Single(_context.Down), id);

    private static void AssertNak(StreamMessage message, long id)
    {
        var nak = Assert.IsType<IoctlNak>(message);
        Assert.Equal(id, nak.Id);
        Assert.Equal(Errno.EINVAL, nak.Error);
    }
}
