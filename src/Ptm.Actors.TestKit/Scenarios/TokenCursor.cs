using System.Globalization;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>Walks the tokens of one line; every "missing" error points just past the last token.</summary>
internal sealed class TokenCursor(List<SpecToken> tokens, int endColumn)
{
    private int _position;

    public bool AtEnd => _position >= tokens.Count;

    public SpecToken? Peek => AtEnd ? null : tokens[_position];

    public int EndColumn => endColumn;

    public bool PeekIs(SpecTokenKind kind) => !AtEnd && tokens[_position].Kind == kind;

    public void Skip(int count = 1) => _position += count;

    public SpecToken? PeekAt(int offset) => _position + offset < tokens.Count ? tokens[_position + offset] : null;

    /// <summary>The next token, which must exist: else "missing WHAT".</summary>
    public SpecToken Next(string what)
    {
        if (AtEnd) throw new SpecSyntaxException(endColumn, $"missing {what}");
        return tokens[_position++];
    }

    /// <summary>The next token as a word: else "missing WHAT" / "expected WHAT, got X".</summary>
    public SpecToken NextWord(string what)
    {
        var token = Next(what);
        if (token.Kind != SpecTokenKind.Word)
            throw new SpecSyntaxException(token.Column, $"expected {what}, got {token.Shown}");
        return token;
    }

    /// <summary>A decimal number in [0, max]: else "bad number".</summary>
    public long NextNumber(string what, long max = long.MaxValue)
    {
        var token = Next(what);
        return ParseNumber(token, max);
    }

    public static long ParseNumber(SpecToken token, long max = long.MaxValue)
    {
        var text = token.Text;
        var digitsOnly = text.Length > 0;
        foreach (var c in text)
            if (c is < '0' or > '9') { digitsOnly = false; break; }
        if (token.Kind != SpecTokenKind.Word || !digitsOnly)
            throw new SpecSyntaxException(token.Column, $"bad number {token.Shown} (expected a decimal number)");
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
            throw new SpecSyntaxException(token.Column, $"bad number {token.Shown} (too large: at most {max})");
        return value;
    }

    /// <summary>A positive decimal number of seconds, fractions allowed (`15`, `0.5`), in whole
    /// 100 ns ticks (the clock's resolution) and at most <paramref name="maxSeconds"/>.</summary>
    public TimeSpan NextSeconds(string what, long maxSeconds)
    {
        var token = Next(what);
        var text = token.Text;
        var point = text.IndexOf('.');
        var wellFormed = token.Kind == SpecTokenKind.Word && text.Length > 0 && point != 0 && point != text.Length - 1
            && (point < 0 || text.IndexOf('.', point + 1) < 0);
        foreach (var c in text)
            if (c is not (>= '0' and <= '9' or '.')) wellFormed = false;
        if (!wellFormed)
            throw new SpecSyntaxException(token.Column, $"bad duration {token.Shown} (expected seconds as a decimal number, e.g. 15 or 0.5)");
        if (point >= 0 && text.Length - point - 1 > 7)
            throw new SpecSyntaxException(token.Column, $"bad duration {token.Shown} (finer than the clock's 100 ns: at most 7 decimals)");
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds > maxSeconds)
            throw new SpecSyntaxException(token.Column, $"bad duration {token.Shown} (too long: at most {maxSeconds} seconds)");
        if (seconds == 0)
            throw new SpecSyntaxException(token.Column, $"bad duration {token.Shown} (must be more than 0 seconds)");
        return TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }
}
