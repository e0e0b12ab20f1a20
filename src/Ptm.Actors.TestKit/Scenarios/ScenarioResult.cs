using Ptm.Actors.TestKit.Deterministic;

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

    /// <summary>
    /// The identity of this run's interleaving: a fingerprint of the order in which the seeded
    /// dispatcher ran the actors' turns for the spec's steps (<see cref="Trace"/>, without the
    /// closes of what the spec left open, which the runner makes afterwards). Two runs with the
    /// same value ran the spec the same way. Null when the run had no seeded dispatcher (no trace).
    /// </summary>
    public ulong? Interleaving => Interleavings.Fingerprint(Trace, StepsTraceLength ?? Trace.Count);

    /// <summary>How much of <see cref="Trace"/> the spec's steps made; null when unknown (the whole trace counts).</summary>
    internal int? StepsTraceLength { get; init; }

    /// <summary>How many seeds ran (1..N, stopping at the first that failed), when this is the
    /// result of <see cref="ScenarioRunner.RunSeedsAsync"/>; null for a single run.</summary>
    public int? SeedsRun { get; init; }

    /// <summary>How many different interleavings those seeds produced (distinct
    /// <see cref="Interleaving"/> values); null for a single run or a target without a seeded
    /// dispatcher. 1 over many seeds means the seeds never had a choice to make: the spec
    /// checks one interleaving only.</summary>
    public int? DistinctInterleavings { get; init; }

    /// <summary>More than one seed ran and every one of them ran the actors in the same order.</summary>
    public bool RanOneWayOnly => SeedsRun > 1 && DistinctInterleavings == 1;

    /// <summary>`PASS path` or `FAIL path:LINE: message` (`FAIL path:LINE (seed S): message` with a seed),
    /// followed by ` (N skipped: lines A, B)` when the target skipped steps, and for a passing run
    /// over seeds by ` (N seeds, K distinct interleavings)`, flagged when every seed ran the same way.</summary>
    public string Summary => (Passed
        ? $"PASS {Path}"
        : $"FAIL {Path}:{Line}{(Seed is { } seed ? $" (seed {seed})" : "")}: {Failure}") + SkippedNote + InterleavingNote;

    private string SkippedNote => SkippedLines.Count == 0 ? ""
        : $" ({SkippedLines.Count} skipped: line{(SkippedLines.Count == 1 ? "" : "s")} {string.Join(", ", SkippedLines)})";

    private string InterleavingNote
    {
        get
        {
            if (!Passed || SeedsRun is not { } seeds || DistinctInterleavings is not { } distinct) return "";
            var counted = $"{seeds} seed{(seeds == 1 ? "" : "s")}, {distinct} distinct interleaving{(distinct == 1 ? "" : "s")}";
            return RanOneWayOnly ? $" ({counted}: every seed ran the same way)" : $" ({counted})";
        }
    }
}
