using System.Text;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// The spec language's C escapes (`\n \r \t \0 \\ \" \xHH`), both ways: the lexer decodes
/// literals with them and every message renders bytes with them, so an expectation and the
/// actual result look alike and can be pasted back into a spec.
/// </summary>
internal static class CString
{
    /// <summary>Longest rendering before the middle is elided; long repeats make huge strings.</summary>
    public const int RenderLimit = 160;

    /// <summary>Decodes the escape starting at text[index] (a backslash). Returns the bytes
    /// and the index after the escape, or null when the escape is not one of the language's.</summary>
    public static (byte Value, int Next)? DecodeEscape(string text, int index)
    {
        if (index + 1 >= text.Length) return null;
        switch (text[index + 1])
        {
            case 'n': return ((byte)'\n', index + 2);
            case 'r': return ((byte)'\r', index + 2);
            case 't': return ((byte)'\t', index + 2);
            case '0': return (0, index + 2);
            case '\\': return ((byte)'\\', index + 2);
            case '"': return ((byte)'"', index + 2);
            case 'x':
                if (index + 3 < text.Length && IsHex(text[index + 2]) && IsHex(text[index + 3]))
                    return ((byte)(HexValue(text[index + 2]) * 16 + HexValue(text[index + 3])), index + 4);
                return null;
            default: return null;
        }
    }

    /// <summary>The bytes as a quoted literal; over <see cref="RenderLimit"/> bytes the head and
    /// the length are shown.</summary>
    public static string Render(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(Math.Min(bytes.Length, RenderLimit) + 16);
        text.Append('"');
        var shown = bytes.Length <= RenderLimit ? bytes.Length : RenderLimit / 2;
        for (var i = 0; i < shown; i++)
            AppendByte(text, bytes[i]);
        text.Append('"');
        if (shown < bytes.Length)
            text.Insert(text.Length - 1, "...").Append(" (").Append(bytes.Length).Append(" bytes)");
        return text.ToString();
    }

    private static void AppendByte(StringBuilder text, byte b)
    {
        switch (b)
        {
            case (byte)'\n': text.Append("\\n"); break;
            case (byte)'\r': text.Append("\\r"); break;
            case (byte)'\t': text.Append("\\t"); break;
            case 0: text.Append("\\0"); break;
            case (byte)'\\': text.Append("\\\\"); break;
            case (byte)'"': text.Append("\\\""); break;
            default:
                if (b >= 0x20 && b < 0x7f) text.Append((char)b);
                else text.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
