using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Serialization;
using Ptm.Actors.Cluster.Directory;
using Ptm.Actors.Pty;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Cluster.Serialization;

/// <summary>
/// The wire form of everything a pty pair and the directory exchange across nodes (CL5): the
/// peer messages, the stream messages and the directory's protocol, each as a one-letter
/// manifest and a few fields in binary. Written by hand because the records carry
/// <see cref="ReadOnlyMemory{T}"/> and singletons that a general serializer would not round-trip,
/// and because a pair's traffic is data: a 512-byte packet costs 512 bytes and a few more.
/// </summary>
internal sealed class PairSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    // A numbered message's manifest is "q" and its message's: a few dozen strings in all, made
    // once each instead of once a message on the pair's hot path.
    private static readonly ConcurrentDictionary<string, string> NumberedManifests = new();
    private static readonly ConcurrentDictionary<string, string> InnerManifests = new();

    /// <summary>Akka.NET's own serializers use ids below 100; this one is ours.</summary>
    public override int Identifier => 4170;

    public override string Manifest(object o) => o switch
    {
        DataMessage => "D",
        DataRun => "R",
        Credit => "C",
        SubsidiaryOpened => "O",
        Connected => "K",
        SubsidiaryClosed => "Z",
        HangupMessage => "H",
        ProtoMessage => "P",
        ErrorMessage => "E",
        FlushMessage => "F",
        SignalMessage => "S",
        BreakMessage => "B",
        FlowMessage => "W",
        ReadMessage => "M",
        CtlMessage => "T",
        IoctlMessage => "I",
        IoctlAck => "A",
        IoctlNak => "N",
        SetOptionsMessage => "X",
        PeerProbe => "G",
        PairBroken => "Q",
        Sequenced numbered => NumberedManifests.GetOrAdd(Manifest(numbered.Message), static inner => "q" + inner), // CL9.1: the number, then the message as it would go alone
        DescribePty => "dp",
        PtyDescription => "pd",
        _ => DirectoryWire.Manifest(o) ?? throw new ArgumentException($"not a pty pair message: {o.GetType()}", nameof(o)),
    };

    public override byte[] ToBinary(object obj)
    {
        using var buffer = new MemoryStream();
        using (var writer = new WireWriter(buffer))
        {
            Write(writer, obj);
        }
        return buffer.ToArray();
    }

    private static void Write(WireWriter w, object obj)
    {
        switch (obj)
        {
            case DataMessage data: w.Bytes(data.Bytes); break;
            case DataRun run:
                w.Int(run.Packets.Length);
                foreach (var packet in run.Packets) w.Bytes(packet.Bytes);
                break;
            case Credit credit: w.Long(credit.ConsumedTotal); break;
            case SubsidiaryOpened or Connected or SubsidiaryClosed or HangupMessage or BreakMessage: break;
            case ProtoMessage proto: w.Bytes(proto.Control); w.Bytes(proto.Data); w.Bool(proto.Priority); break;
            case ErrorMessage error: w.Int((int)error.ReadError); w.Int((int)error.WriteError); break;
            case FlushMessage flush: w.Int((int)flush.Flags); break;
            case SignalMessage signal: w.Int((int)signal.Signal); w.Bool(signal.Priority); break;
            case FlowMessage flow: w.Int((int)flow.Kind); break;
            case ReadMessage read: w.Int(read.Count); break;
            case CtlMessage ctl: w.Int(ctl.Command); break;
            case IoctlMessage ioctl: w.Long(ioctl.Id); w.Int(ioctl.Command); w.OptionalBytes(ioctl.Payload); w.Credentials(ioctl.Caller); break;
            case IoctlAck ack: w.Long(ack.Id); w.Int(ack.ReturnValue); w.OptionalBytes(ack.Data); break;
            case IoctlNak nak: w.Long(nak.Id); w.Int((int)nak.Error); break;
            case SetOptionsMessage options:
                w.Bool(options.ReadQueueMarks is not null);
                if (options.ReadQueueMarks is { } marks) { w.Int(marks.High); w.Int(marks.Low); }
                w.Int(options.Mode is { } mode ? (int)mode : -1);
                w.Int(options.IsTty is { } tty ? (tty ? 1 : 0) : -1);
                w.Int(options.ReadNotify is { } notify ? (notify ? 1 : 0) : -1);
                break;
            case PeerProbe or PairBroken: break;
            case Sequenced numbered: w.Long(numbered.Number); Write(w, numbered.Message); break;
            case DescribePty describe: w.Int(describe.Minor); break;
            case PtyDescription d:
                w.Int(d.Minor); w.Ref(d.Manager); w.Bool(d.Locked); w.Bool(d.ManagerClosing); w.Int(d.Zone); w.Long(d.Uid); w.Long(d.Gid);
                break;
            default: DirectoryWire.Write(w, obj); break;
        }
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        using var reader = new WireReader(bytes, system);
        return Read(reader, manifest);
    }

    private object Read(WireReader r, string manifest)
    {
        if (manifest.StartsWith('q')) return new Sequenced(r.Long(), Read(r, InnerManifests.GetOrAdd(manifest, static numbered => numbered[1..])));
        return manifest switch
        {
            "D" => new DataMessage(r.Bytes()),
            "R" => new DataRun(ReadRun(r)),
            "C" => new Credit(r.Long()),
            "O" => SubsidiaryOpened.Instance,
            "K" => Connected.Instance,
            "Z" => SubsidiaryClosed.Instance,
            "H" => HangupMessage.Instance,
            "B" => BreakMessage.Instance,
            "P" => new ProtoMessage(r.Bytes(), r.Bytes(), r.Bool()),
            "E" => new ErrorMessage((Errno)r.Int(), (Errno)r.Int()),
            "F" => new FlushMessage((FlushFlags)r.Int()),
            "S" => new SignalMessage((Signal)r.Int(), r.Bool()),
            "W" => new FlowMessage((FlowKind)r.Int()),
            "M" => new ReadMessage(r.Int()),
            "T" => new CtlMessage(r.Int()),
            "I" => new IoctlMessage(r.Long(), r.Int(), r.OptionalBytes(), r.Credentials()),
            "A" => new IoctlAck(r.Long(), r.Int(), r.OptionalBytes()),
            "N" => new IoctlNak(r.Long(), (Errno)r.Int()),
            "X" => ReadOptions(r),
            "G" => PeerProbe.Instance,
            "Q" => PairBroken.Instance,
            "dp" => new DescribePty(r.Int()),
            "pd" => new PtyDescription(r.Int(), r.Ref(), r.Bool(), r.Bool(), r.Int(), r.Long(), r.Long()),
            _ => DirectoryWire.Read(r, manifest) ?? throw new ArgumentException($"unknown pty pair manifest '{manifest}'", nameof(manifest)),
        };
    }

    private static DataMessage[] ReadRun(WireReader r)
    {
        var packets = new DataMessage[r.Int()];
        for (var i = 0; i < packets.Length; i++) packets[i] = new DataMessage(r.Bytes());
        return packets;
    }

    private static SetOptionsMessage ReadOptions(WireReader r)
    {
        WaterMarks? marks = r.Bool() ? new WaterMarks(r.Int(), r.Int()) : null;
        var mode = r.Int();
        var tty = r.Int();
        var notify = r.Int();
        return new SetOptionsMessage(marks, mode < 0 ? null : (ReadMode)mode, tty < 0 ? null : tty == 1, notify < 0 ? null : notify == 1);
    }
}
