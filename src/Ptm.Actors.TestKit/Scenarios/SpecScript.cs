using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// A parsed `.pty` spec, ready for <see cref="ScenarioRunner"/>: <see cref="SpecParser.Parse"/>
/// makes one from a file's text. Its steps are the runner's business, not the test's.
/// </summary>
public sealed record SpecScript
{
    internal SpecScript(string path, ImmutableArray<Step> steps, int lastLine)
    {
        Path = path;
        Steps = steps;
        LastLine = lastLine;
    }

    /// <summary>The path the spec was read from, as given (used in messages).</summary>
    public string Path { get; }

    /// <summary>The steps, in source order.</summary>
    internal ImmutableArray<Step> Steps { get; }

    /// <summary>The number of the file's last line: where end-of-spec failures point.</summary>
    public int LastLine { get; }
}

/// <summary>One line of a spec. <see cref="Line"/> is 1-based; <see cref="Source"/> is the
/// line's text without its comment, for transcripts.</summary>
internal abstract record Step
{
    public int Line { get; init; }
    public string Source { get; init; } = "";
}

/// <summary>A step that makes one call on the system and checks its result.</summary>
internal abstract record CallStep : Step
{
    /// <summary>`NAME = ...`: the name bound by this step (an open's handle, or the started call with `&amp;`).</summary>
    public string? BindTo { get; init; }

    /// <summary>`... &amp;`: start the call and go on without waiting.</summary>
    public bool Background { get; init; }

    /// <summary>`=> ...`; null means the call must succeed.</summary>
    public ExpectationSet? Expect { get; init; }
}

/// <summary>Where an open or a stat points: a literal path, or `pts(H)`.</summary>
internal abstract record DevicePath;

/// <summary>A literal path such as `/dev/ptmx` or `/dev/pts/3`.</summary>
internal sealed record LiteralPath(string Path) : DevicePath
{
    public override string ToString() => Path;
}

/// <summary>`pts(H)`: the name ptsname gives for manager handle H.</summary>
internal sealed record SubsidiaryOf(string ManagerHandle) : DevicePath
{
    public override string ToString() => $"pts({ManagerHandle})";
}
