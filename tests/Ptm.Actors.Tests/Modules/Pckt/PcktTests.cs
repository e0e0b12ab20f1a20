using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using static Ptm.Actors.Tests.Modules.ModuleIoctls;

namespace Ptm.Actors.Tests.Modules;

/// <summary>pckt on the manager (M2): what comes up from the subsidiary side arrives as one-byte-typed packets.</summary>
public sealed class PcktTests
{
    private readonly Pckt _pckt = new();
    private readonly FakeModuleContext _context = new();

    private ProtoMessage SinglePacket()
    {
        var packet = Assert.IsType<ProtoMessage>(Assert.Single(_context.Up));
        Assert.False(packet.Priority);
        Assert.Equal(1, packet.Control.Length);
        return packet;
    }

    [Fact]
    public void M2_Open_sets_the_manager_stream_head_marks_to_512_256_without_making_it_a_terminal()
    {
        Assert.Equal(Errno.None, _pckt.Open(_context));
        var options = Assert.IsType<SetOptionsMessage>(Assert.Single(_context.Up));
        Assert.Equal(new WaterMarks(512, 256), options.ReadQueueMarks);
        Assert.Null(options.IsTty);
        Assert.Equal(new WaterMarks(1, 0), _pckt.ReadMarks);
    }

    [Fact]
    public void M2_Data_arrives_as_a_packet_typed_M_DATA()
    {
        _pckt.ReadPut(FakeModuleContext.Data("hi"), _context);
        var packet = SinglePacket();
        Assert.Equal(new byte[] { 0x00 }, packet.Control.ToArray());
        Assert.Equal("hi"u8.ToArray(), packet.Data.ToArray());
    }

    [Fact]
    public void M2_The_subsidiarys_zero_length_message_arrives_as_an_empty_M_DATA_packet()
    {
        _pckt.ReadPut(DataMessage.Empty, _context);
        var packet = SinglePacket();
        Assert.Equal(new byte[] { 0x00 }, packet.Control.ToArray());
        Assert.Equal(0, packet.Data.Length);
    }

    [Fact]
    public void M2_A_run_of_data_becomes_one_packet_per_message()
    {
        _pckt.ReadPut(new DataRun([FakeModuleContext.Data("a"), FakeModuleContext.Data("bc")]), _context);
        Assert.Equal(2, _context.Up.Count);
        Assert.Equal("bc"u8.ToArray(), Assert.IsType<ProtoMessage>(_context.Up[1]).Data.ToArray());
    }

    [Fact]
    public void M2_An_ioctl_arrives_as_its_command_and_payload_typed_M_IOCTL()
    {
        _pckt.ReadPut(Request(IoctlCommands.TIOCSTI, "q"u8.ToArray()), _context);
        var packet = SinglePacket();
        Assert.Equal(new byte[] { 0x0e }, packet.Control.ToArray());
        Assert.Equal(new byte[] { 0x72, 0x74, 0, 0, (byte)'q' }, packet.Data.ToArray());
    }

    [Fact]
    public void M2_An_M_PROTO_arrives_with_its_control_and_data_as_the_packet_data()
    {
        _pckt.ReadPut(new ProtoMessage("C"u8.ToArray(), "d"u8.ToArray(), Priority: false), _context);
        var packet = SinglePacket();
        Assert.Equal(new byte[] { 0x01 }, packet.Control.ToArray());
        Assert.Equal("Cd"u8.ToArray(), packet.Data.ToArray());
    }

    [Fact]
    public void M2_An_M_PCPROTO_becomes_an_ordinary_packet_typed_M_PCPROTO()
    {
        _pckt.ReadPut(new ProtoMessage("C"u8.ToArray(), "d"u8.ToArray(), Priority: true), _context);
        Assert.Equal(new byte[] { 0x83 }, SinglePacket().Control.ToArray());
    }

    [Fact]
    public void M2_An_M_READ_arrives_with_its_count()
    {
        _pckt.ReadPut(new ReadMessage(300), _context);
        var packet = SinglePacket();
        Assert.Equal(new byte[] { 0x85 }, packet.Control.ToArray());
        Assert.Equal(new byte[] { 0x2c, 0x01, 0, 0 }, packet.Data.ToArray());
    }

    [Theory]
    [InlineData((int)FlowKind.StopOutput, 0x87)]
    [InlineData((int)FlowKind.StartOutput, 0x88)]
    [InlineData((int)FlowKind.StopInput, 0x8f)]
    [InlineData((int)FlowKind.StartInput, 0x90)]
    public void M2_Each_flow_control_message_arrives_as_a_packet_of_its_type(int kindValue, int type)
    {
        var kind = (FlowKind)kindValue; // the enum is internal; a public test method takes its number
        _pckt.ReadPut(new FlowMessage(kind), _context);
        var packet = SinglePacket();
        Assert.Equal(new[] { (byte)type }, packet.Control.ToArray());
        Assert.Equal(0, packet.Data.Length);
    }

    [Fact]
    public void M2_A_flush_the_subsidiary_made_of_its_output_passes_up_as_FLUSHW_then_as_a_packet_saying_FLUSHW()
    {
        _pckt.ReadPut(new FlushMessage(FlushFlags.FLUSHR), _context); // pts turned the subsidiary's FLUSHW into FLUSHR
        Assert.Equal(2, _context.Up.Count);
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHW), _context.Up[0]);
        var packet = Assert.IsType<ProtoMessage>(_context.Up[1]);
        Assert.Equal(new byte[] { 0x86 }, packet.Control.ToArray());
        Assert.Equal(new[] { (byte)FlushFlags.FLUSHW }, packet.Data.ToArray());
    }

    [Fact]
    public void M2_A_pure_read_flush_never_reaches_the_manager_stream_head_only_its_packet_does()
    {
        _pckt.ReadPut(new FlushMessage(FlushFlags.FLUSHW), _context); // the subsidiary flushed its reads
        var packet = SinglePacket();
        Assert.Equal(new[] { (byte)FlushFlags.FLUSHR }, packet.Data.ToArray());
    }

    [Fact]
    public void M2_FLUSHRW_passes_up_reduced_to_FLUSHW_and_its_packet_says_FLUSHRW()
    {
        _pckt.ReadPut(new FlushMessage(FlushFlags.FLUSHRW), _context);
        Assert.Equal(new FlushMessage(FlushFlags.FLUSHW), _context.Up[0]);
        Assert.Equal(new[] { (byte)FlushFlags.FLUSHRW }, Assert.IsType<ProtoMessage>(_context.Up[1]).Data.ToArray());
    }

    [Fact]
    public void M2_Other_messages_pass_up_unchanged()
    {
        StreamMessage[] others =
        [
            HangupMessage.Instance, new ErrorMessage(Errno.None, Errno.EINVAL), new SignalMessage(Signal.SIGINT, true),
            new IoctlAck(3, 0), new IoctlNak(4, Errno.EINVAL), new SetOptionsMessage(new WaterMarks(2048, 256)),
            BreakMessage.Instance, new CtlMessage(CtlMessage.NoCanon),
        ];
        foreach (var message in others) _pckt.ReadPut(message, _context);
        Assert.Equal(others, _context.Up);
    }

    [Fact]
    public void M2_The_write_side_passes_everything_down_unchanged()
    {
        StreamMessage[] written = [FakeModuleContext.Data("x"), Request(IoctlCommands.TCGETS), new FlushMessage(FlushFlags.FLUSHRW), new IoctlAck(1, 0)];
        foreach (var message in written) _pckt.WritePut(message, _context);
        Assert.Equal(written, _context.Down);
        Assert.Empty(_context.Up);
    }
}
