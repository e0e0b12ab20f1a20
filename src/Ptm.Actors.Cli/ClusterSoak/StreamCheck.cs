namespace Ptm.Actors.Cli.ClusterSoak;

/// <summary>
/// The reader's half of CL9 (never duplicated, reordered or holed): every byte read must be the
/// stream's next one. The first wrong byte is one violation, named by where the chunk does
/// belong if it belongs near (a hole of D bytes, or bytes read again); then the stream is no
/// longer checked, since every later byte would be wrong too, but still counted.
/// </summary>
internal sealed class StreamCheck(long stream)
{
    /// <summary>How far either side of the expected offset a wrong chunk is looked for.</summary>
    private const int SearchWindow = 64 * 1024;

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
        for (var i = 0; i < chunk.Length; i++)
        {
            if (chunk[i] == StreamPattern.At(stream, start + i)) continue;
            Broken = true;
            return Describe(chunk[i..], start + i);
        }
        return null;
    }

    private string Describe(ReadOnlySpan<byte> rest, long expected)
    {
        var probe = rest[..Math.Min(rest.Length, 16)];
        var found = Locate(probe, expected);
        var where = $"stream {stream} byte {expected:N0}";
        if (probe.Length < 4) return $"{where}: a wrong byte (too short to place)";
        return found switch
        {
            null => $"{where}: bytes that belong nowhere within {SearchWindow / 1024} KiB of it (corrupted, or another stream's)",
            long at when at < expected => $"{where}: bytes {at:N0}.. read again, {Bytes(expected - at)} back (duplicated or reordered)",
            long at => $"{where}: the stream jumps to byte {at:N0}, a hole of {Bytes(at - expected)}",
        };
    }

    private static string Bytes(long count) => count == 1 ? "1 byte" : $"{count:N0} bytes";

    private long? Locate(ReadOnlySpan<byte> probe, long expected)
    {
        for (long distance = 1; distance <= SearchWindow; distance++)
        {
            if (Matches(probe, expected + distance)) return expected + distance;
            if (expected - distance >= 0 && Matches(probe, expected - distance)) return expected - distance;
        }
        return null;
    }

    private bool Matches(ReadOnlySpan<byte> probe, long offset)
    {
        for (var i = 0; i < probe.Length; i++)
            if (probe[i] != StreamPattern.At(stream, offset + i)) return false;
        return true;
    }
}
