using System.Buffers.Binary;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// The bytes a soak workload writes: a deterministic stream per StreamKey, so the checker can
/// verify every received byte against what was written without keeping a copy (PD14), and can
/// tell where a misplaced chunk came from. The stream is a sequence of 8-byte little-endian
/// words; word i is an invertible scramble of (i, tag of the stream), so any 8 aligned bytes
/// name their stream tag and position, and a chunk of 15 bytes or more always holds one.
/// Word indexes are 32 bits, so a stream repeats after 32 GiB: far beyond one soak session.
/// </summary>
public static class PayloadPattern
{
    private const ulong Multiplier1 = 0xBF58476D1CE4E5B9UL;
    private const ulong Multiplier2 = 0x94D049BB133111EBUL;
    private static readonly ulong Inverse1 = MultiplicativeInverse(Multiplier1);
    private static readonly ulong Inverse2 = MultiplicativeInverse(Multiplier2);

    /// <summary>The smallest chunk that always contains a whole aligned word, so it can be located by decoding.</summary>
    internal const int DecodableLength = 15;

    /// <summary>The 32-bit tag that distinguishes streams (sessions, directions and epochs).</summary>
    internal static uint Tag(StreamKey key)
    {
        var seed = ((ulong)key.Session * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)key.Epoch << 1) ^ (ulong)key.Direction;
        return (uint)(Scramble(seed) >> 32);
    }

    /// <summary>Writes the stream's bytes for [offset, offset + destination.Length) into destination: what a workload writes (WriteStarted), so the checker can tell lost, duplicated, reordered and foreign bytes apart.</summary>
    /// <param name="key">The stream.</param>
    /// <param name="offset">Where in the stream the bytes start.</param>
    /// <param name="destination">Receives the bytes.</param>
    public static void Fill(StreamKey key, long offset, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var tag = Tag(key);
        Span<byte> word = stackalloc byte[8];
        var position = offset;
        var written = 0;
        while (written < destination.Length)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(word, Word(tag, position >> 3));
            var inWord = (int)(position & 7);
            var take = Math.Min(8 - inWord, destination.Length - written);
            word.Slice(inWord, take).CopyTo(destination.Slice(written, take));
            written += take;
            position += take;
        }
    }

    /// <summary>True if bytes are exactly the stream's bytes starting at offset.</summary>
    internal static bool Matches(StreamKey key, long offset, ReadOnlySpan<byte> bytes)
    {
        if (offset < 0) return false;
        var tag = Tag(key);
        Span<byte> word = stackalloc byte[8];
        var position = offset;
        var compared = 0;
        while (compared < bytes.Length)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(word, Word(tag, position >> 3));
            var inWord = (int)(position & 7);
            var take = Math.Min(8 - inWord, bytes.Length - compared);
            if (!word.Slice(inWord, take).SequenceEqual(bytes.Slice(compared, take))) return false;
            compared += take;
            position += take;
        }
        return true;
    }

    /// <summary>
    /// Decodes where a chunk of at least <see cref="DecodableLength"/> bytes came from: the
    /// offset it has in the stream whose tag it carries, verified over the whole chunk. Returns
    /// false if no aligned word decodes to a position whose stream bytes match the chunk.
    /// </summary>
    internal static bool TryDecode(ReadOnlySpan<byte> chunk, Func<uint, StreamKey?> streamForTag, out StreamKey source, out long offset)
    {
        for (var start = 0; start + 8 <= chunk.Length && start < 8; start++)
        {
            var (index, tag) = Unword(BinaryPrimitives.ReadUInt64LittleEndian(chunk.Slice(start, 8)));
            var candidate = (long)index * 8 - start;
            if (candidate < 0) continue;
            if (streamForTag(tag) is { } key && Matches(key, candidate, chunk))
            {
                source = key;
                offset = candidate;
                return true;
            }
        }
        source = default;
        offset = -1;
        return false;
    }

    private static ulong Word(uint tag, long index) => Scramble(((ulong)index << 32) | tag);

    private static (uint Index, uint Tag) Unword(ulong word)
    {
        var plain = Unscramble(word);
        return ((uint)(plain >> 32), (uint)plain);
    }

    // splitmix64's finaliser: a bijection on 64 bits that spreads every input bit.
    private static ulong Scramble(ulong x)
    {
        x ^= x >> 30;
        x *= Multiplier1;
        x ^= x >> 27;
        x *= Multiplier2;
        x ^= x >> 31;
        return x;
    }

    private static ulong Unscramble(ulong x)
    {
        x = UndoXorShift(x, 31);
        x *= Inverse2;
        x = UndoXorShift(x, 27);
        x *= Inverse1;
        x = UndoXorShift(x, 30);
        return x;
    }

    private static ulong UndoXorShift(ulong y, int shift)
    {
        var x = y;
        for (var s = shift; s < 64; s += shift) x ^= y >> s;
        return x;
    }

    // Newton's iteration doubles the correct low bits each step: 3 -> 6 -> 12 -> 24 -> 48 -> 96.
    private static ulong MultiplicativeInverse(ulong odd)
    {
        var inverse = odd;
        for (var i = 0; i < 5; i++) inverse *= 2 - odd * inverse;
        return inverse;
    }
}
