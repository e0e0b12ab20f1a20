using Ptm.Actors.Specs.Fakes;
using Ptm.Actors.TestKit.Scenarios;

namespace Ptm.Actors.Specs;

/// <summary>Parses and runs spec text in tests; the spec's path is always `t.pty`.</summary>
internal static class SpecHarness
{
    public const string Path = "t.pty";

    public static SpecScript Parse(string text)
    {
        var parsed = SpecParser.Parse(Path, text);
        Assert.True(parsed.Succeeded, "unexpected parse errors:\n" + string.Join("\n", parsed.Errors));
        return parsed.Script!;
    }

    public static List<string> Errors(string text)
    {
        var parsed = SpecParser.Parse(Path, text);
        Assert.Null(parsed.Script);
        return parsed.Errors.Select(e => e.ToString()).ToList();
    }

    public static Task<ScenarioResult> RunAsync(string text, FakePtyTarget? target = null, ScenarioOptions? options = null) =>
        ScenarioRunner.RunAsync(Parse(text), target ?? new FakePtyTarget(), seed: null, options);

    /// <summary>Runs and asserts a pass, showing the failure and transcript otherwise.</summary>
    public static async Task<ScenarioResult> PassesAsync(string text, FakePtyTarget? target = null)
    {
        var result = await RunAsync(text, target);
        Assert.True(result.Passed, result.Summary + "\n" + string.Join("\n", result.Transcript));
        return result;
    }

    /// <summary>Runs and asserts a failure at <paramref name="line"/> with exactly <paramref name="failure"/>.</summary>
    public static async Task<ScenarioResult> FailsAsync(string text, int line, string failure, FakePtyTarget? target = null)
    {
        var result = await RunAsync(text, target);
        Assert.False(result.Passed, "the spec passed but should have failed:\n" + string.Join("\n", result.Transcript));
        Assert.Equal((line, failure), (result.Line, result.Failure));
        return result;
    }

    /// <summary>A pty opened, granted and unlocked, with its subsidiary open as `s`.</summary>
    public const string OpenPair = """
        m = open /dev/ptmx
        grantpt m
        unlockpt m
        s = open pts(m) noctty
        """;
}
