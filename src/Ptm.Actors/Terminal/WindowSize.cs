using System.Buffers.Binary;

namespace Ptm.Actors;

/// <summary>struct winsize: what TIOCGWINSZ reads and TIOCSWINSZ sets (ptem keeps it, M3.2, M3.5).</summary>
public readonly record struct WindowSize(ushort Rows, ushort Columns, ushort XPixels = 0, ushort YPixels = 0)
{
    /// <summary>sizeof(struct winsize): four unsigned shorts.</summary>
    public const int Length = 8;

    /// <summary>The TIOCSWINSZ payload: rows, columns, x pixels, y pixels, little-endian.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0), Rows);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), Columns);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), XPixels);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), YPixels);
        return bytes;
    }

    /// <summary>Parses an ioctl payload; false when it is too short (the ioctl then fails EINVAL).</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out WindowSize size)
    {
        size = default;
        if (bytes.Length < Length) return false;
        size = new WindowSize(
            BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]));
        return true;
    }
}
