using System.Buffers.Binary;
using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.ModuleIoctls;

namespace Ptm.Actors.Tests.Modules;

/// <summary>ttcompat (section 6.4 of the rule book): sgtty ioctls answered through TCGETS and TCSETS below.</summary>
public sealed class TtcompatTests
{
    private readonly Ttcompat _ttcompat = new();
    private readonly FakeModuleContext _context = new();

    // What TIOCGETP reads from M4.3's default modes: echo, CR mapping, tab expansion; 8-bit
    // (PASS8), ^X echo, CRT erase and kill, and no IXANY (DECCTQ).
    private const int DefaultFlags = CompatState.Echo | CompatState.Crmod | CompatState.Xtabs | CompatState.Pass8 |
        CompatState.CtlEch | CompatState.CrtEra | CompatState.CrtBs | CompatState.CrtKil | CompatState.DecCtq;

    private static byte[] Sgttyb(byte ispeed, byte ospeed, byte erase, byte kill, int flags)
    {
        var bytes = new byte[CompatState.SgttybLength];
        (bytes[0], bytes[1], bytes[2], bytes[3]) = (ispeed, ospeed, erase, kill);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), flags);
        return bytes;
    }

    /// <summary>Sends <paramref name="request"/>, checks it went down as a TCGETS with its id, and answers it with <paramref name="current"/>.</summary>
    private void RoundTrip(IoctlMessage request, Termios current)
    {
        _ttcompat.WritePut(request, _context);
        var get = Assert.IsType<IoctlMessage>(Assert.Single(_context.Down));
        Assert.Equal((IoctlCommands.TCGETS, request.Id), (get.Command, get.Id));
        _context.Down.Clear();
        _ttcompat.ReadPut(new IoctlAck(get.Id, 0, current.ToBytes()), _context);
    }

    private IoctlMessage SetSentDown(int command)
    {
        var set = Assert.IsType<IoctlMessage>(Assert.Single(_context.Down));
        Assert.Equal(command, set.Command);
        return set;
    }

    private static Termios PayloadTermios(IoctlMessage set)
    {
        Assert.True(Termios.TryParse(set.Payload!.Value.Span, out var termios));
        return termios;
    }

    [Fact]
    public void TIOCGETP_answers_the_default_modes_as_an_illumos_sgttyb()
    {
        RoundTrip(Request(IoctlCommands.TIOCGETP, id: 5), Termios.Default);
        var ack = Assert.IsType<IoctlAck>(Assert.Single(_context.Up));
        Assert.Equal(5, ack.Id);
        Assert.Equal(Sgttyb((byte)BaudRates.B9600, (byte)BaudRates.B9600, 0x7f, 0x15, DefaultFlags), ack.Data!.Value.ToArray());
    }

    [Fact]
    public void TIOCGETP_reports_a_raw_terminal_as_RAW()
    {
        var raw = Termios.Default with { Input = InputModes.None, Output = OutputModes.None, Local = LocalModes.None };
        RoundTrip(Request(IoctlCommands.TIOCGETP), raw);
        var flags = BinaryPrimitives.ReadInt32LittleEndian(Assert.IsType<IoctlAck>(Assert.Single(_context.Up)).Data!.Value.Span[4..]);
        Assert.Equal(CompatState.Raw, flags & CompatState.Raw);
        Assert.Equal(0, flags & CompatState.Echo);
    }

    [Fact]
    public void TIOCSETP_sets_through_TCSETSF_with_the_callers_id_and_the_ACK_of_that_reaches_the_caller()
    {
        RoundTrip(Request(IoctlCommands.TIOCSETP, Sgttyb(13, 13, 0x08, 0x15, DefaultFlags), id: 5), Termios.Default);
        var set = SetSentDown(IoctlCommands.TCSETSF);
        Assert.Equal(5, set.Id);
        Assert.Equal(0x08, PayloadTermios(set)[ControlChar.VERASE]);
        Assert.Empty(_context.Up);
        _ttcompat.ReadPut(new IoctlAck(5, 0), _context);
        Assert.Equal(new IoctlAck(5, 0), Assert.Single(_context.Up));
    }

    [Fact]
    public void TIOCSETN_sets_through_TCSETS_without_flushing()
    {
        RoundTrip(Request(IoctlCommands.TIOCSETN, Sgttyb(13, 13, 0x7f, 0x15, DefaultFlags)), Termios.Default);
        SetSentDown(IoctlCommands.TCSETS);
    }

    [Fact]
    public void Setting_back_what_TIOCGETP_read_keeps_the_default_modes_adding_only_IGNPAR()
    {
        RoundTrip(Request(IoctlCommands.TIOCSETN, Sgttyb(13, 13, 0x7f, 0x15, DefaultFlags)), Termios.Default);
        var expected = Termios.Default with { Input = Termios.Default.Input | InputModes.IGNPAR };
        Assert.Equal(expected, PayloadTermios(SetSentDown(IoctlCommands.TCSETS)));
    }

    [Fact]
    public void TIOCSETP_with_CBREAK_and_without_ECHO_turns_off_canonical_input_and_echo()
    {
        RoundTrip(Request(IoctlCommands.TIOCSETP, Sgttyb(13, 13, 0x7f, 0x15, (DefaultFlags | CompatState.Cbreak) & ~CompatState.Echo)), Termios.Default);
        var termios = PayloadTermios(SetSentDown(IoctlCommands.TCSETSF));
        Assert.False(termios.IsCanonical);
        Assert.Equal(LocalModes.None, termios.Local & LocalModes.ECHO);
        Assert.Equal(1, termios[ControlChar.VMIN]);
        Assert.Equal(0, termios[ControlChar.VTIME]);
    }

    [Fact]
    public void TIOCSETP_with_RAW_gives_eight_bit_characters_without_input_or_output_processing()
    {
        RoundTrip(Request(IoctlCommands.TIOCSETP, Sgttyb(13, 13, 0x7f, 0x15, CompatState.Raw)), Termios.Default);
        var termios = PayloadTermios(SetSentDown(IoctlCommands.TCSETSF));
        Assert.Equal(ControlModes.CS8, termios.Control & ControlModes.CSIZE);
        Assert.Equal(OutputModes.None, termios.Output & OutputModes.OPOST);
        Assert.Equal(LocalModes.None, termios.Local & (LocalModes.ICANON | LocalModes.ISIG | LocalModes.IEXTEN));
    }

    [Fact]
    public void TIOCSETP_sets_the_output_speed_and_a_different_input_speed()
    {
        RoundTrip(Request(IoctlCommands.TIOCSETP, Sgttyb(11, (byte)BaudRates.B38400, 0x7f, 0x15, DefaultFlags)), Termios.Default);
        var termios = PayloadTermios(SetSentDown(IoctlCommands.TCSETSF));
        Assert.Equal(BaudRates.B38400, termios.Speed);
        Assert.Equal(11u << 16, (uint)termios.Control & 0xf0000u);
    }

    [Fact]
    public void A_TIOCSETP_too_short_for_an_sgttyb_fails_EINVAL_and_sends_nothing_down()
    {
        _ttcompat.WritePut(Request(IoctlCommands.TIOCSETP, new byte[6]), _context);
        Assert.Equal(Errno.EINVAL, Assert.IsType<IoctlNak>(Assert.Single(_context.Up)).Error);
        Assert.Empty(_context.Down);
    }

    [Fact]
    public void TIOCGETC_answers_the_six_tchars_with_a_disabled_character_as_0377()
    {
        RoundTrip(Request(IoctlCommands.TIOCGETC), Termios.Default);
        var ack = Assert.IsType<IoctlAck>(Assert.Single(_context.Up));
        Assert.Equal(new byte[] { 0x03, 0x1c, 0x11, 0x13, 0x04, 0xff }, ack.Data!.Value.ToArray());
    }

    [Fact]
    public void TIOCSETC_changes_the_characters_through_TCSETS()
    {
        RoundTrip(Request(IoctlCommands.TIOCSETC, [0x07, 0x1c, 0x11, 0x13, 0x04, 0x0a]), Termios.Default);
        var termios = PayloadTermios(SetSentDown(IoctlCommands.TCSETS));
        Assert.Equal(0x07, termios[ControlChar.VINTR]);
        Assert.Equal(0x0a, termios[ControlChar.VEOL]);
    }

    [Fact]
    public void A_NAK_of_the_translated_TCGETS_reaches_the_caller_and_ends_the_wait()
    {
        _ttcompat.WritePut(Request(IoctlCommands.TIOCGETP, id: 5), _context);
        _ttcompat.ReadPut(new IoctlNak(5, Errno.EINVAL), _context);
        _ttcompat.ReadPut(new IoctlAck(5, 0, Termios.Default.ToBytes()), _context); // no longer awaited: passes up as is
        Assert.Equal(new IoctlNak(5, Errno.EINVAL), _context.Up[0]);
        Assert.Equal(Termios.Length, Assert.IsType<IoctlAck>(_context.Up[1]).Data!.Value.Length);
        Assert.Empty(_context.Down.Skip(1)); // no TCSETS follows
    }

    [Fact]
    public void An_answer_with_another_id_passes_up_unchanged()
    {
        _ttcompat.WritePut(Request(IoctlCommands.TIOCGETP, id: 5), _context);
        var other = new IoctlAck(6, 0, Termios.Default.ToBytes());
        _ttcompat.ReadPut(other, _context);
        Assert.Same(other, Assert.Single(_context.Up));
    }

    [Fact]
    public void A_TCGETS_answer_without_a_termios_fails_the_sgtty_ioctl_EINVAL()
    {
        _ttcompat.WritePut(Request(IoctlCommands.TIOCGETP, id: 5), _context);
        _ttcompat.ReadPut(new IoctlAck(5, 0), _context);
        Assert.Equal(new IoctlNak(5, Errno.EINVAL), Assert.Single(_context.Up));
    }

    [Fact]
    public void Other_ioctls_and_messages_pass_through_both_ways()
    {
        var tcgets = Request(IoctlCommands.TCGETS);
        _ttcompat.WritePut(tcgets, _context);
        _ttcompat.WritePut(FakeModuleContext.Data("x"), _context);
        _ttcompat.ReadPut(FakeModuleContext.Data("y"), _context);
        _ttcompat.ReadPut(new IoctlAck(tcgets.Id, 0, Termios.Default.ToBytes()), _context);
        Assert.Same(tcgets, _context.Down[0]);
        Assert.Equal(2, _context.Down.Count);
        Assert.Equal(2, _context.Up.Count);
        Assert.Equal(Termios.Length, Assert.IsType<IoctlAck>(_context.Up[1]).Data!.Value.Length);
    }
}
