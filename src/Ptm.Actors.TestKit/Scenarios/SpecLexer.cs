using System.Text;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// Splits one spec line into tokens. A word is any run of characters other than blanks and
/// the punctuation `" # = &amp; | *`, so paths (`/dev/pts/1`) and `pts(m)` are single words;
/// `#` outside a string ends the line.
/// </summary>
internal static class SpecLexer
{
    /// <summary>The tokens of <paramref name="line"/>, or the first lexical error (column, message).</summary>
    public static (List<SpecToken> Tokens, (int Column, string Message)? Error) Tokenize(string line)
    {
        var tokens = new List<SpecToken>();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '#') break;
            var column = i + 1;
            switch (c)
            {
                case '"':
                    var (token, next, error) = ReadString(line, i);
                    if (error is not null) return (tokens, error);
                    tokens.Add(token);
                    i = next;
                    continue;
                case '=':
                    if (i + 1 < line.Length && line[i + 1] == '>') { tokens.Add(new(SpecTokenKind.Arrow, "=>", column)); i += 2; }
                    else { tokens.Add(new(SpecTokenKind.Equals, "=", column)); i++; }
                    continue;
                case '&': tokens.Add(new(SpecTokenKind.Ampersand, "&", column)); i++; continue;
                case '|': tokens.Add(new(SpecTokenKind.Pipe, "|", column)); i++; continue;
                case '*': tokens.Add(new(SpecTokenKind.Star, "*", column)); i++; continue;
            }
            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]) && !IsPunctuation(line[i]))
                i++;
            tokens.Add(new(SpecTokenKind.Word, line[start..i], column));
        }
        return (tokens, null);
    }

    /// <summary>The line without its comment, trimmed: what a transcript shows.</summary>
    public static string StripComment(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inString && c == '\\') { i++; continue; }
            if (c == '"') inString = !inString;
            else if (c == '#' && !inString) return line[..i].Trim();
        }
        return line.Trim();
    }

    private static bool IsPunctuation(char c) => c is '"' or '#' or '=' or '&' or '|' or '*';

    private static (SpecToken Token, int Next, (int, string)? Error) ReadString(string line, int open)
    {
        var bytes = new List<byte>();
        var i = open + 1;
        Span<byte> utf8 = stackalloc byte[4];
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '"')
            {
                var token = new SpecToken(SpecTokenKind.String, line[open..(i + 1)], open + 1, bytes.ToArray());
                return (token, i + 1, null);
            }
            if (c == '\\')
            {
                var escape = CString.DecodeEscape(line, i);
                if (escape is null)
                {
                    var wanted = i + 1 < line.Length && line[i + 1] == 'x' ? 4 : 2;
                    var shown = line.Substring(i, Math.Min(wanted, line.Length - i));
                    return (default, 0, (i + 1, $"bad string escape '{shown}' (use \\n \\r \\t \\0 \\\\ \\\" \\xHH)"));
                }
                bytes.Add(escape.Value.Value);
                i = escape.Value.Next;
                continue;
            }
            // Other characters are their UTF-8 bytes; a surrogate pair is one character.
            var length = char.IsHighSurrogate(c) && i + 1 < line.Length ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(line.AsSpan(i, length), utf8);
            for (var k = 0; k < written; k++) bytes.Add(utf8[k]);
            i += length;
        }
        return (default, 0, (open + 1, "unterminated string (missing closing \")"));
    }
}
