using System.Text;

namespace Ptm.Actors.Tests.Support;

internal static class Bytes
{
    public static byte[] Of(string text) => Encoding.ASCII.GetBytes(text);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);

    /// <summary>Bytes that differ from their neighbours and from another seed's, so loss, duplication and reordering all show.</summary>
    public static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Repeat(char c, int count) => Of(new string(c, count));

    /// <summary>True when <paramref name="prefix"/> is the start of <paramref name="whole"/>.</summary>
    public static bool IsPrefix(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> whole) =>
        prefix.Length <= whole.Length && prefix.SequenceEqual(whole[..prefix.Length]);
}
