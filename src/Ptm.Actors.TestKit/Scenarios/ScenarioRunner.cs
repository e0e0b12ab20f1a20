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
}
