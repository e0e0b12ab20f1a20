using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>A parsed `.pty` spec: its steps in source order.</summary>
/// <param name="Path">The path the spec was read from, as given (used in messages).</param>
/// <param name="LastLine">The number of the file's last line: where end-of-spec failures point.</param>
public sealed record SpecScript(string Path, ImmutableArray<Step> Steps, int LastLine);

/// <summary>One line of a spec. <see cref="Line"/> is 1-based; <see cref="Source"/> is the
/// line's text without its comment, for transcripts.</summary>
public abstract record Step
{
    public int Line { get; init; }
    public string Source { get; init; } = "";
}

/// <summary>A step that makes one call on the system and checks its result.</summary>
public abstract record CallStep : Step
{
    /// <summary>`NAME = ...`: the name bound by this step (an open's handle, or the started call with `&amp;`).</summary>
    public string? BindTo { get; init; }

    /// <summary>`... &amp;`: start the call and go on without waiting.</summary>
    public bool Background { get; init; }

    /// <summary>`=> ...`; null means the call must succeed.</summary>
    public ExpectationSet? Expect { get; init; }
}

/// <summary>Where an open or a stat points: a literal path, or `pts(H)`.</summary>
public abstract record DevicePath;

/// <summary>A literal path such as `/dev/ptmx` or `/dev/pts/3`.</summary>
public sealed record LiteralPath(string Path) : DevicePath
{
    public override string ToString() => Path;
}

/// <summary>`pts(H)`: the name ptsname gives for manager handle H.</summary>
public sealed record SubsidiaryOf(string ManagerHandle) : DevicePath
{
    public override string ToString() => $"pts({ManagerHandle})";
}
