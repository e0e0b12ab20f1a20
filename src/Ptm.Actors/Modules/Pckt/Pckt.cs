using System.Buffers.Binary;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

/*
 * pckt, packet mode (M2), pushed on the MANAGER above ptm so that the manager application can
 * see, with getmsg, what the subsidiary side does besides writing data: its ioctls (and ptem's
 * copies of the "set" ioctls, M3.4), flushes, flow control, M_READ.
 *
 * Read side: an M_DATA, M_IOCTL, M_PROTO, M_PCPROTO, M_READ, M_STOP, M_START, M_STOPI, M_STARTI
 * or M_FLUSH coming up becomes one ordinary M_PROTO whose control part is a single byte, the
 * original STREAMS type (PacketTypes), and whose data part is the original contents (an ioctl's
 * contents are its command, 4 bytes little-endian, then its payload; a flush's is its flag
 * byte; an M_READ's its count as 4 bytes). So a read on such a manager fails EBADMSG (H7) and
 * getmsg returns e.g. ctl "\x00" data "hi" for ordinary output, including ctl "\x00" with no
 * data for the subsidiary's zero-length message.
 *
 * M_FLUSH: pts swapped FLUSHR and FLUSHW on the way over (D5); pckt swaps them back (FLUSHRW
 * stays), sends the original up reduced to FLUSHW when it has FLUSHW (the manager stream head's
 * read queue holds the packets and must never be flushed), frees a pure read flush, and then
 * sends the wrapped copy up, so the application learns the subsidiary's flush.
 *
 * Everything else (M_HANGUP, M_ERROR, M_SIG/M_PCSIG, M_IOCACK/M_IOCNAK, M_SETOPTS, ...) passes up
 * unchanged; the write side is a pure pass-through. Ordinary messages wait for room upstream in
 * the module actor (the read queue's high-water mark is 1), as pcktrput's putq does; priority
 * ones are wrapped at once.
 */

/// <summary>pckt (M2): the manager sees the subsidiary side's control traffic as one-byte-typed M_PROTO packets.</summary>
internal sealed class Pckt : StreamModule
{
    public override string Name => "pckt";

    /// <summary>A high-water mark of one: messages held for lack of room upstream wait in the stream head, not here.</summary>
    public override WaterMarks ReadMarks => new(1, 0);

    public override Errno Open(IModuleContext context)
    {
        context.PutUp(new SetOptionsMessage(new WaterMarks(512, 256)));
        return Errno.None;
    }

    public override void WritePut(StreamMessage message, IModuleContext context) => context.PutDown(message);

    public override void ReadPut(StreamMessage message, IModuleContext context)
    {
        switch (message)
        {
            case FlushMessage flush:
                Flush(flush, context);
                break;
            case DataRun run:
                foreach (var packet in run.Packets) context.PutUp(Wrap(PacketTypes.M_DATA, packet.Bytes));
                break;
            default:
                context.PutUp(TryWrap(message) ?? message);
                break;
        }
    }

    private static void Flush(FlushMessage flush, IModuleContext context)
    {
        var flags = (flush.Flags & FlushFlags.FLUSHRW) switch
        {
            FlushFlags.FLUSHR => FlushFlags.FLUSHW,
            FlushFlags.FLUSHW => FlushFlags.FLUSHR,
            _ => flush.Flags,
        };
        if (flags.Writes()) context.PutUp(new FlushMessage(FlushFlags.FLUSHW));
        context.PutUp(Wrap(PacketTypes.M_FLUSH, new[] { (byte)flags }));
    }

    /// <summary>The packet for a message pckt wraps, or null for one that passes up unchanged.</summary>
    private static ProtoMessage? TryWrap(StreamMessage message) => message switch
    {
        DataMessage data => Wrap(PacketTypes.M_DATA, data.Bytes),
        ProtoMessage proto => Wrap(proto.Priority ? PacketTypes.M_PCPROTO : PacketTypes.M_PROTO, Concat(proto.Control, proto.Data)),
        IoctlMessage ioctl => Wrap(PacketTypes.M_IOCTL, IoctlContents(ioctl)),
        ReadMessage read => Wrap(PacketTypes.M_READ, Int32(read.Count)),
        FlowMessage flow => Wrap(PacketTypes.Of(flow.Kind), ReadOnlyMemory<byte>.Empty),
        _ => null,
    };

    private static ProtoMessage Wrap(byte type, ReadOnlyMemory<byte> contents) => new(new[] { type }, contents, Priority: false);

    private static byte[] IoctlContents(IoctlMessage ioctl)
    {
        var payload = ioctl.Payload ?? ReadOnlyMemory<byte>.Empty;
        var contents = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(contents, ioctl.Command);
        payload.Span.CopyTo(contents.AsSpan(4));
        return contents;
    }

    private static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Concat(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second)
    {
        var bytes = new byte[first.Length + second.Length];
        first.Span.CopyTo(bytes);
        second.Span.CopyTo(bytes.AsSpan(first.Length));
        return bytes;
    }
}
