using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// `ctl PART data PART`: the message of a putmsg step and of a getmsg expectation, written alike
/// so an actual result pastes back into a spec. A PART is a string or `-` for an absent part,
/// which is not the same as an empty one (`""`): getmsg tells them apart.
/// </summary>
internal static class MessageSyntax
{
    public const string Usage = "ctl STRING data STRING, either part may be -";

    public static (ImmutableArray<byte>? Control, ImmutableArray<byte>? Data) ReadPair(TokenCursor cursor)
    {
        Keyword(cursor, "ctl");
        var control = Part(cursor, "the control part");
        Keyword(cursor, "data");
        var data = Part(cursor, "the data part");
        return (control, data);
    }

    public static string Render(ReadOnlySpan<byte> control, bool hasControl, ReadOnlySpan<byte> data, bool hasData) =>
        $"ctl {(hasControl ? CString.Render(control) : "-")} data {(hasData ? CString.Render(data) : "-")}";

    private static void Keyword(TokenCursor cursor, string word)
    {
        var token = cursor.Next($"'{word}' ({Usage})");
        if (token.Kind != SpecTokenKind.Word || token.Text != word)
            throw new SpecSyntaxException(token.Column, $"expected '{word}', got {token.Shown} ({Usage})");
    }

    private static ImmutableArray<byte>? Part(TokenCursor cursor, string what)
    {
        if (cursor.Peek is { Kind: SpecTokenKind.Word, Text: "-" })
        {
            cursor.Skip();
            return null;
        }
        return SpecLineParser.ReadString(cursor, $"{what} (a string or -)");
    }
}
