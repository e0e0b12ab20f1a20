namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>Runs a parsed spec on a fresh target (docs/spec-language.md, "Timing" and "Running").</summary>
public static class ScenarioRunner
{
    /// <summary>Creates a target with <paramref name="factory"/> for <paramref name="seed"/>, runs
    /// the spec on it, closes what is left open and shuts the target down.</summary>
    public static async Task<ScenarioResult> RunAsync(SpecScript spec, ScenarioTargetFactory factory, int? seed, ScenarioOptions? options = null)
    {
        IScenarioTarget target;
        try
        {
            target = factory(seed);
        }
        catch (Exception error)
        {
            var line = spec.Steps.Length > 0 ? spec.Steps[0].Line : 1;
            return new ScenarioResult(spec.Path, seed, false, line,
                $"could not create the target: {error.GetType().Name}: {error.Message}", [], []);
        }
        return await RunAsync(spec, target, seed, options);
    }

    /// <summary>Runs the spec on <paramref name="target"/>, which it then owns and disposes.</summary>
    public static Task<ScenarioResult> RunAsync(SpecScript spec, IScenarioTarget target, int? seed, ScenarioOptions? options = null) =>
        new ScenarioRun(spec, target, seed, options ?? ScenarioOptions.Default).ExecuteAsync();

    /// <summary>
    /// Runs the spec once for each of seeds 1..<paramref name="seeds"/> (`ptm spec --seeds N`), each
    /// on a fresh target, and stops at the first seed that fails. The result is that failing run,
    /// or the last one when all passed, with <see cref="ScenarioResult.SeedsRun"/> and
    /// <see cref="ScenarioResult.DistinctInterleavings"/> (left null when the target records no
    /// trace) telling how many different interleavings the seeds produced.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seeds"/> is below 1.</exception>
    public static async Task<ScenarioResult> RunSeedsAsync(SpecScript spec, ScenarioTargetFactory factory, int seeds, ScenarioOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        var seen = new HashSet<ulong>();
        var traced = true;
        ScenarioResult result = null!;
        for (var seed = 1; seed <= seeds; seed++)
        {
            result = await RunAsync(spec, factory, seed, options);
            if (result.Interleaving is { } interleaving) seen.Add(interleaving);
            else traced = false; // one run without a trace and the count would mean nothing
            if (!result.Passed) return result with { SeedsRun = seed, DistinctInterleavings = traced ? seen.Count : null };
        }
        return result with { SeedsRun = seeds, DistinctInterleavings = traced ? seen.Count : null };
    }
}
