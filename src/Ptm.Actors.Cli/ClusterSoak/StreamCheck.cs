using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.Cli.ClusterSoak;

/// <summary>
/// The reader's half of CL9 (never duplicated, reordered or holed): every byte read must be the
/// stream's next one. The first wrong byte is one violation, named by where the chunk does
/// belong in the stream (a hole of D bytes, or bytes read again), which the pattern itself says
/// (PayloadPattern.TryDecode); then the stream is no longer checked, since every later byte
/// would be wrong too, but still counted.
/// </summary>
internal sealed class StreamCheck(long stream)
{
    private readonly StreamKey _key = StreamPattern.Key(stream);
    private byte[] _expected = [];

    /// <summary>Bytes read so far.</summary>
    public long Received { get; private set; }

    /// <summary>True once a wrong byte was seen.</summary>
    public bool Broken { get; private set; }

    /// <summary>Takes the next chunk read; returns null, or what is wrong with it (once).</summary>
    public string? Accept(ReadOnlySpan<byte> chunk)
    {
        var start = Received;
        Received += chunk.Length;
        if (Broken) return null;
        if (_expected.Length < chunk.Length) _expected = new byte[Math.Max(chunk.Length, 4096)]; // once: reads are at most a buffer long
        var expected = _expected.AsSpan(0, chunk.Length);
        PayloadPattern.Fill(_key, start, expected);
        var same = chunk.CommonPrefixLength(expected);
        if (same == chunk.Length) return null;
        Broken = true;
        return Describe(chunk[same..], start + same);
    }

    private string Describe(ReadOnlySpan<byte> rest, long expected)
    {
        var where = $"stream {stream} byte {expected:N0}";
        if (rest.Length < PayloadPattern.DecodableLength) return $"{where}: a wrong byte (too short to place)";
        var tag = PayloadPattern.Tag(_key);
        if (!PayloadPattern.TryDecode(rest, candidate => candidate == tag ? _key : null, out _, out var at))
            return $"{where}: bytes that belong nowhere in this stream (corrupted, or another stream's)";
        return at < expected
            ? $"{where}: bytes {at:N0}.. read again, {Bytes(expected - at)} back (duplicated or reordered)"
            : $"{where}: the stream jumps to byte {at:N0}, a hole of {Bytes(at - expected)}";
    }

    private static string Bytes(long count) => count == 1 ? "1 byte" : $"{count:N0} bytes";
}
