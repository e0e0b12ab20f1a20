namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>The outcome of one run of one spec.</summary>
/// <param name="Path">The spec's path, as it was given.</param>
/// <param name="Seed">The deterministic dispatcher's seed, or null for the ordinary dispatcher.</param>
/// <param name="Passed">Every step that ran got what it expected and the end-of-spec checks found nothing left over; skipped steps are listed in <see cref="SkippedLines"/>.</param>
/// <param name="Line">The failing line (end-of-spec problems point at the last line); 0 when passed.</param>
/// <param name="Failure">"expected X, got Y", "blocked: ...", or the leftovers; null when passed.</param>
/// <param name="Transcript">Each step run, with its actual result.</param>
/// <param name="Trace">The deterministic dispatcher's trace, for replaying a failure.</param>
public sealed record ScenarioResult(
    string Path, int? Seed, bool Passed, int Line, string? Failure,
    IReadOnlyList<string> Transcript, IReadOnlyList<string> Trace)
{
    /// <summary>The lines of the steps the target could not run (reported, never counted as passed).</summary>
    public IReadOnlyList<int> SkippedLines { get; init; } = [];

    /// <summary>`PASS path` or `FAIL path:LINE: message` (`FAIL path:LINE (seed S): message` with a seed),
    /// followed by ` (N skipped: lines A, B)` when the target skipped steps.</summary>
    public string Summary => (Passed
        ? $"PASS {Path}"
        : $"FAIL {Path}:{Line}{(Seed is { } seed ? $" (seed {seed})" : "")}: {Failure}") + SkippedNote;

    private string SkippedNote => SkippedLines.Count == 0 ? ""
        : $" ({SkippedLines.Count} skipped: line{(SkippedLines.Count == 1 ? "" : "s")} {string.Join(", ", SkippedLines)})";
}
