using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>Parses what follows `=>`: one expectation, or alternatives joined by `or`.</summary>
internal sealed class ExpectationParser(TokenCursor cursor)
{
    private const string Forms = "ok, any, EOF, a number, a string, an errno name, a POLL set or ctl STRING data STRING";

    public ExpectationSet Parse(SpecToken arrow)
    {
        var alternatives = ImmutableArray.CreateBuilder<Expectation>();
        if (cursor.AtEnd)
            throw new SpecSyntaxException(arrow.Column + 2, $"missing expectation value after => ({Forms})");
        alternatives.Add(One());
        while (cursor.Peek is { Kind: SpecTokenKind.Word, Text: "or" } or)
        {
            cursor.Skip();
            if (cursor.AtEnd)
                throw new SpecSyntaxException(or.Column + 2, $"missing expectation value after 'or' ({Forms})");
            alternatives.Add(One());
        }
        return new ExpectationSet(alternatives.ToImmutable());
    }

    private Expectation One()
    {
        var token = cursor.Peek!.Value;
        if (token.Kind == SpecTokenKind.String)
            return new ExpectBytes(SpecLineParser.ReadString(cursor, "a string"));
        if (token.Kind != SpecTokenKind.Word)
            throw new SpecSyntaxException(token.Column, $"expected an expectation value ({Forms}), got {token.Shown}");
        if (token.Text == "ctl")
        {
            var (control, data) = MessageSyntax.ReadPair(cursor);
            return new ExpectMessage(control, data);
        }
        cursor.Skip();
        var text = token.Text;
        switch (text)
        {
            case "ok": return new ExpectOk();
            case "any": return new ExpectAny();
            case "EOF": return new ExpectEof();
        }
        if (text[0] is >= '0' and <= '9' or '-' or '+')
            return new ExpectNumber(TokenCursor.ParseNumber(token));
        if (text.StartsWith("POLL", StringComparison.Ordinal))
            return new ExpectPoll(PollSetFrom(token));
        if (text[0] is >= 'A' and <= 'Z')
        {
            if (!ErrnoTable.TryParse(text, out var number))
                throw new SpecSyntaxException(token.Column, $"unknown errno name '{text}'");
            return new ExpectErrno(number);
        }
        throw new SpecSyntaxException(token.Column, $"unknown expectation '{text}' ({Forms})");
    }

    private int PollSetFrom(SpecToken first)
    {
        var bits = PollBit(first);
        while (cursor.PeekIs(SpecTokenKind.Pipe))
        {
            cursor.Skip();
            bits |= PollBit(cursor.NextWord("a POLL flag after '|'"));
        }
        return bits;
    }

    private static int PollBit(SpecToken token)
    {
        if (!PollSet.TryParseName(token.Text, out var bit))
            throw new SpecSyntaxException(token.Column, $"unknown poll flag '{token.Text}' (POLLIN, POLLOUT, POLLERR, POLLHUP)");
        return bit;
    }
}
