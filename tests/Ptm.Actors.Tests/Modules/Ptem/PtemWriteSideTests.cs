using System.Buffers.Binary;
using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.ModuleIoctls;

namespace Ptm.Actors.Tests.Modules;

/// <summary>ptem's open and write side (M3.1, M3.3, M3.4, M3.5, M3.6, M3.7): ioctls and data from the subsidiary process.</summary>
public sealed class PtemWriteSideTests
{
    private readonly Ptem _ptem = new();
    private readonly FakeModuleContext _context = new();

    [Fact]
    public void M3_1_Open_makes_the_stream_head_a_terminal_with_2048_256_marks()
    {
        Assert.Equal(Errno.None, _ptem.Open(_context));
        var options = Assert.IsType<SetOptionsMessage>(Assert.Single(_context.Up));
        Assert.Equal(new WaterMarks(2048, 256), options.ReadQueueMarks);
        Assert.True(options.IsTty);
        Assert.Empty(_context.Down);
    }

    [Fact]
    public void M3_2_A_fresh_ptem_holds_the_default_cflag_and_a_zero_window_size()
    {
        Assert.Equal(Termios.Default.Control, _ptem.Cflag);
        Assert.Equal(default, _ptem.Size);
    }

    [Fact]
    public void M3_3_TCGETS_answers_a_termios_holding_only_c_cflag()
    {
        _ptem.WritePut(Request(IoctlCommands.TCGETS), _context);
        var termios = ParseTermios(Assert.IsType<IoctlAck>(Assert.Single(_context.Up)));
        Assert.Equal(Termios.Default.Control, termios.Control);
        Assert.Equal(InputModes.None, termios.Input);
        Assert.Equal(OutputModes.None, termios.Output);
        Assert.Equal(LocalModes.None, termios.Local);
        Assert.All(termios.ControlChars, c => Assert.Equal(0, c));
        Assert.Empty(_context.Down);
    }

    [Fact]
    public void M3_3_TCGETA_answers_a_termio_holding_only_the_low_16_bits_of_c_cflag()
    {
        _ptem.WritePut(Request(IoctlCommands.TCGETA), _context);
        var data = Assert.IsType<IoctlAck>(Assert.Single(_context.Up)).Data!.Value.ToArray();
        Assert.Equal(Termios.TermioLength, data.Length);
        Assert.Equal((ushort)Termios.Default.Control, BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(4)));
        data[4] = data[5] = 0;
        Assert.All(data, b => Assert.Equal(0, b));
    }

    [Fact]
    public void M3_3_TCSETS_replaces_the_whole_c_cflag()
    {
        var wanted = (ControlModes)0x00a1_0000 | ControlModes.CS8 | (ControlModes)BaudRates.B38400;
        _ptem.WritePut(SetTermios(IoctlCommands.TCSETS, Termios.Default with { Control = wanted }), _context);
        Assert.Equal(wanted, _ptem.Cflag);
        Assert.IsType<IoctlAck>(Assert.Single(_context.Up));
    }

    [Fact]
    public void M3_3_TCSETA_merges_only_the_low_16_bits_of_c_cflag()
    {
        var termio = (Termios.Default with { Control = ControlModes.CS8 | ControlModes.CREAD | (ControlModes)BaudRates.B38400 }).ToTermioBytes();
        _ptem.WritePut(Request(IoctlCommands.TCSETA, termio), _context);
        // The default's high half (0x8000_0000) survives; the low half is the new one.
        Assert.Equal((ControlModes)0x8000_0000 | ControlModes.CS8 | ControlModes.CREAD | (ControlModes)BaudRates.B38400, _ptem.Cflag);
        Assert.IsType<IoctlAck>(Assert.Single(_context.Up));
    }

    [Theory]
    [InlineData(IoctlCommands.TCSETSF)]
    [InlineData(IoctlCommands.TCSETAF)]
    public void M3_3_The_flushing_sets_send_a_read_flush_down_before_anything_else(int command)
    {
        var payload = command == IoctlCommands.TCSETSF ? Termios.Default.ToBytes() : Termios.Default.ToTermioBytes();
        _ptem.WritePut(Request(command, payload), _context);
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHR), _context.Down[0]);
        Assert.IsType<IoctlMessage>(_context.Down[1]);
    }

    [Fact]
    public void M3_3_TCSETSW_does_not_flush()
    {
        _ptem.WritePut(SetTermios(IoctlCommands.TCSETSW, Termios.Default), _context);
        Assert.DoesNotContain(_context.Down, m => m is FlushMessage);
    }

    [Fact]
    public void M3_3_A_TCSETS_too_short_for_a_termios_fails_EINVAL_and_changes_nothing()
    {
        _ptem.WritePut(Request(IoctlCommands.TCSETS, new byte[12]), _context);
        Assert.Equal(Errno.EINVAL, Assert.IsType<IoctlNak>(Assert.Single(_context.Up)).Error);
        Assert.Equal(Termios.Default.Control, _ptem.Cflag);
        Assert.Empty(_context.Down);
    }

    [Fact]
    public void M3_4_A_set_ioctl_is_copied_down_with_a_fresh_id_for_pckt()
    {
        var set = SetTermios(IoctlCommands.TCSETS, Termios.Default, id: 7);
        _ptem.WritePut(set, _context);
        var copy = Assert.IsType<IoctlMessage>(Assert.Single(_context.Down));
        Assert.Equal(IoctlCommands.TCSETS, copy.Command);
        Assert.NotEqual(7, copy.Id);
        Assert.Equal(set.Payload!.Value.ToArray(), copy.Payload!.Value.ToArray());
        Assert.Equal(7, Assert.IsType<IoctlAck>(Assert.Single(_context.Up)).Id);
    }

    [Fact]
    public void M3_4_Speed_B0_sends_one_zero_length_message_down_instead_of_the_copy()
    {
        _ptem.WritePut(SetTermios(IoctlCommands.TCSETS, WithSpeed(Termios.Default, BaudRates.B0)), _context);
        Assert.Equal(DataMessage.Empty, Assert.Single(_context.Down));
        Assert.IsType<IoctlAck>(Assert.Single(_context.Up));
    }

    [Fact]
    public void M3_4_A_second_B0_in_the_same_push_sends_nothing_down()
    {
        _ptem.WritePut(SetTermios(IoctlCommands.TCSETS, WithSpeed(Termios.Default, BaudRates.B0)), _context);
        _context.Down.Clear();
        _ptem.WritePut(SetTermios(IoctlCommands.TCSETS, WithSpeed(Termios.Default, BaudRates.B0), id: 8), _context);
        Assert.Empty(_context.Down);
        Assert.Equal(8, Assert.IsType<IoctlAck>(_context.Up[^1]).Id);
    }

    [Fact]
    public void M3_4_TCSETA_with_B0_in_the_termio_hangs_up_too()
    {
        var termio = WithSpeed(Termios.Default, BaudRates.B0).ToTermioBytes();
        _ptem.WritePut(Request(IoctlCommands.TCSETA, termio), _context);
        Assert.Equal(DataMessage.Empty, Assert.Single(_context.Down));
    }

    [Fact]
    public void M3_7_An_ioctl_ptem_does_not_know_is_NAKed_EINVAL_and_never_reaches_pts()
    {
        _ptem.WritePut(Request(IoctlCommands.TCFLSH, new byte[4]), _context);
        Assert.Equal(Errno.EINVAL, Assert.IsType<IoctlNak>(Assert.Single(_context.Up)).Error);
        Assert.Empty(_context.Down);
    }

    [Fact]
    public void M3_5_PTSSTTY_succeeds_once_then_fails_EEXIST()
    {
        _ptem.WritePut(Request(IoctlCommands.PTSSTTY, id: 1), _context);
        _ptem.WritePut(Request(IoctlCommands.PTSSTTY, id: 2), _context);
        Assert.IsType<IoctlAck>(_context.Up[0]);
        Assert.Equal(Errno.EEXIST, Assert.IsType<IoctlNak>(_context.Up[1]).Error);
        Assert.Empty(_context.Down);
    }
}
