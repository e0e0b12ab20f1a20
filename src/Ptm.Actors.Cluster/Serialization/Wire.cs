using Akka.Actor;
using Akka.Serialization;

namespace Ptm.Actors.Cluster.Serialization;

/// <summary>Writes the fields of one message: little-endian numbers, length-prefixed bytes, refs as their full path with uid.</summary>
internal sealed class WireWriter(Stream stream) : IDisposable
{
    private readonly BinaryWriter _writer = new(stream, System.Text.Encoding.UTF8, leaveOpen: true);

    public void Int(int value) => _writer.Write(value);
    public void Long(long value) => _writer.Write(value);
    public void Bool(bool value) => _writer.Write(value);
    public void String(string value) => _writer.Write(value);

    public void Bytes(ReadOnlyMemory<byte> bytes)
    {
        _writer.Write(bytes.Length);
        _writer.Write(bytes.Span);
    }

    public void OptionalBytes(ReadOnlyMemory<byte>? bytes)
    {
        _writer.Write(bytes.HasValue);
        if (bytes is { } present) Bytes(present);
    }

    public void Credentials(Credentials who)
    {
        Long(who.Uid);
        Long(who.Gid);
        Int(who.Zone);
        Bool(who.Privileged);
    }

    /// <summary>A ref as a path with its uid and this node's address, so the receiver resolves the same incarnation (CL5).</summary>
    public void Ref(IActorRef? actor)
    {
        Bool(actor is not null);
        if (actor is not null) String(Akka.Serialization.Serialization.SerializedActorPath(actor));
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>Reads what <see cref="WireWriter"/> wrote, in the same order.</summary>
internal sealed class WireReader(byte[] bytes, ExtendedActorSystem system) : IDisposable
{
    private readonly BinaryReader _reader = new(new MemoryStream(bytes, writable: false));

    public int Int() => _reader.ReadInt32();
    public long Long() => _reader.ReadInt64();
    public bool Bool() => _reader.ReadBoolean();
    public string String() => _reader.ReadString();

    public ReadOnlyMemory<byte> Bytes()
    {
        var length = _reader.ReadInt32();
        return length == 0 ? ReadOnlyMemory<byte>.Empty : _reader.ReadBytes(length);
    }

    // The cast matters: a bare null would convert through byte[] into an empty, non-null payload (a transparent ioctl would become an I_STR, I8).
    public ReadOnlyMemory<byte>? OptionalBytes() => _reader.ReadBoolean() ? Bytes() : (ReadOnlyMemory<byte>?)null;

    public Credentials Credentials() => new(Long(), Long(), Int(), Bool());

    public IActorRef? Ref() => Bool() ? system.Provider.ResolveActorRef(String()) : null;

    public void Dispose() => _reader.Dispose();
}
