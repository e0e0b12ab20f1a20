namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>The kinds of token on a spec line.</summary>
internal enum SpecTokenKind { Word, String, Equals, Arrow, Ampersand, Star, Pipe }

/// <summary>One token: <see cref="Column"/> is 1-based; <see cref="Bytes"/> holds a string's decoded bytes.</summary>
internal readonly record struct SpecToken(SpecTokenKind Kind, string Text, int Column, byte[]? Bytes = null)
{
    /// <summary>How the token reads in a message.</summary>
    public string Shown => Kind == SpecTokenKind.String ? Text : $"'{Text}'";
}
