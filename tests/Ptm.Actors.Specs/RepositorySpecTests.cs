using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs;

/// <summary>Every spec under specs/ is a test case of its own, on the real pty target: once on the
/// ordinary dispatcher (seed null) and once for each of seeds 1..3 on the deterministic one.</summary>
public class RepositorySpecTests
{
    public static readonly int?[] Seeds = [null, 1, 2, 3];

    public static IEnumerable<object?[]> Cases()
    {
        foreach (var file in RepositorySpecs.Files())
            foreach (var seed in Seeds)
                yield return [file, seed];
    }

    [RepositorySpecTheory]
    [MemberData(nameof(Cases))]
    public async Task Spec_passes(string spec, int? seed)
    {
        var path = Path.Combine(RepositorySpecs.Folder!, spec);
        var (text, problem) = SpecFiles.Read(path);
        Assert.True(problem is null, problem);
        var parsed = SpecParser.Parse("specs/" + spec, text!);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        var result = await ScenarioRunner.RunAsync(parsed.Script!, PtyScenarioTarget.Create, seed);
        Assert.True(result.Passed, Explain(result));
    }

    private static string Explain(ScenarioResult result)
    {
        var lines = new List<string> { result.Summary };
        lines.AddRange(result.Transcript);
        var traceFrom = Math.Max(0, result.Trace.Count - 60);
        for (var i = traceFrom; i < result.Trace.Count; i++) lines.Add("trace: " + result.Trace[i]);
        return string.Join("\n", lines);
    }
}
