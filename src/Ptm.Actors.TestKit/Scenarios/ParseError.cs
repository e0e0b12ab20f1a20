using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>One problem in a spec's text; renders as `path:LINE:COLUMN: message`.</summary>
public sealed record ParseError(string Path, int Line, int Column, string Message)
{
    /// <summary>`path:LINE:COLUMN: message`, as a compiler writes its errors.</summary>
    public override string ToString() => $"{Path}:{Line}:{Column}: {Message}";
}

/// <summary>A parse: the script when the text has no errors, else every error found (in line order).</summary>
public sealed record SpecParseResult(SpecScript? Script, ImmutableArray<ParseError> Errors)
{
    /// <summary>True when the text had no errors and <see cref="Script"/> is set.</summary>
    public bool Succeeded => Script is not null;
}
