using System.Text;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>Terminal bytes as a violation shows them: quoted, control characters escaped, long ones cut.</summary>
internal static class TerminalText
{
    private const int Shown = 48;

    public static string Show(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("\"");
        foreach (var c in bytes[..Math.Min(bytes.Length, Shown)])
        {
            text.Append(c switch
            {
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                (byte)'\t' => "\\t",
                (byte)'\b' => "\\b",
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                < 0x20 or >= 0x7f => $"\\x{c:x2}",
                _ => ((char)c).ToString(),
            });
        }
        text.Append('"');
        if (bytes.Length > Shown) text.Append($"... ({bytes.Length} bytes)");
        return text.ToString();
    }
}
