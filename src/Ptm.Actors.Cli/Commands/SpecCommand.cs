using System.CommandLine;
using Ptm.Actors.TestKit.Scenarios;
using Ptm.Actors.TestKit.Scenarios.Linux;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// `ptm spec PATH... [--seeds N] [--seed S] [--verbose] [--against sim|linux] [--json FILE|-]`:
/// runs `.pty` specs (docs/spec-language.md, "Running"). The options and paths are checked by
/// the parser, and every file is read and parsed before anything runs, so a broken spec stops
/// the whole run with exit 2 and all its errors. `--against linux` runs them on this machine's
/// real pty instead (the oracle of M4.7); steps Linux cannot answer are skipped and listed, and
/// the closing line counts them.
/// </summary>
internal static class SpecCommand
{
    /// <summary>What one invocation asks for.</summary>
    /// <param name="Paths">The spec files and folders named on the command line.</param>
    /// <param name="Seeds">`--seeds N`: each spec with seeds 1..N on the deterministic dispatcher.</param>
    /// <param name="Seed">`--seed S`: each spec once with exactly that seed.</param>
    /// <param name="Verbose">`--verbose`: after each summary line, every step with its actual result (and a failure's trace tail).</param>
    /// <param name="Against">`sim` (the default, the actors) or `linux` (this machine's pty).</param>
    public sealed record Settings(IReadOnlyList<string> Paths, int? Seeds = null, int? Seed = null, bool Verbose = false, string Against = "sim")
    {
        public ScenarioOptions Options { get; init; } = ScenarioOptions.Default;

        /// <summary>`--json FILE|-`: where the per-spec results go as JSON, or null.</summary>
        public string? JsonPath { get; init; }
    }

    public static Command Build() => Build(Console.Out, Console.Error, null);

    /// <summary>The command, writing to <paramref name="output"/> and <paramref name="errors"/>; <paramref name="factory"/> replaces the --against target (tests).</summary>
    internal static Command Build(TextWriter output, TextWriter errors, ScenarioTargetFactory? factory)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "spec files, or folders whose *.pty files (all levels below) are run in ordinal order",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var seeds = new Option<int?>("--seeds") { HelpName = "N", Description = "run every spec with seeds 1..N on the deterministic dispatcher" }.WholeNumber(1);
        var seed = new Option<int?>("--seed") { HelpName = "S", Description = "run every spec once with exactly this seed (replays a --seeds failure)" }.WholeNumber(int.MinValue);
        var verbose = new Option<bool>("--verbose") { Description = "print each step with its actual result" };
        var against = new Option<string>("--against") { HelpName = "sim|linux", Description = "sim (the actors) or linux (this machine's real pty, through libc)", DefaultValueFactory = _ => "sim" }
            .OneOf("sim", "linux");
        var json = JsonOutput.Option("each spec's result (passed, seed, failing line)");
        var command = new Command("spec", "Run .pty scenario specs against the simulation (or a Linux pty with --against linux)")
            .WithExitCodes("every spec passed", "a spec failed");
        command.Arguments.Add(paths);
        command.Options.Add(seeds);
        command.Options.Add(seed);
        command.Options.Add(verbose);
        command.Options.Add(against);
        command.Options.Add(json);
        command.Validators.Add(result =>
        {
            Settings settings;
            try
            {
                settings = new Settings(result.GetValue(paths) ?? [], result.GetValue(seeds), result.GetValue(seed), Against: result.GetValue(against) ?? "sim");
            }
            catch (InvalidOperationException)
            {
                return; // an option that did not parse has said so already; judging the rest on a guess would only add noise
            }
            foreach (var problem in UsageProblems(settings)) result.AddError(problem);
        });
        command.SetAction(parseResult =>
        {
            var settings = new Settings(parseResult.GetValue(paths) ?? [], parseResult.GetValue(seeds), parseResult.GetValue(seed),
                parseResult.GetValue(verbose), parseResult.GetValue(against) ?? "sim") { JsonPath = parseResult.GetValue(json) };
            return Run(settings, output, errors, factory ?? (settings.Against == "linux" ? LinuxScenarioTarget.Create : PtyScenarioTarget.Create));
        });
        return command;
    }

    /// <summary>The whole command as a function, its settings already checked by the parser:
    /// 0 all passed, 1 any failed, <see cref="CommandLineRunner.Usage"/> for a spec that does
    /// not parse (nothing run).</summary>
    public static int Run(Settings settings, TextWriter output, TextWriter errors, ScenarioTargetFactory factory)
    {
        var scripts = Load(settings.Paths, errors);
        if (scripts is null) return CommandLineRunner.Usage;
        // With --json -, standard output is the JSON alone; the summary lines go to standard error.
        var jsonOutput = output;
        if (JsonOutput.IsStdout(settings.JsonPath)) output = errors;

        int passed = 0, failed = 0, skipped = 0, oneWay = 0;
        var results = new List<ScenarioResult>(scripts.Count);
        foreach (var script in scripts)
        {
            var result = RunAllSeeds(script, settings, factory);
            results.Add(result);
            output.WriteLine(result.Summary);
            if (settings.Verbose) WriteDetails(result, output);
            if (result.Passed) passed++; else failed++;
            skipped += result.SkippedLines.Count;
            if (result.RanOneWayOnly) oneWay++;
        }
        output.WriteLine($"{passed} passed, {failed} failed" + (skipped > 0 || settings.Against == "linux" ? $", {skipped} step{(skipped == 1 ? "" : "s")} skipped" : "")
            + (oneWay > 0 ? $", {oneWay} ran the same way on every seed" : ""));
        var exitCode = failed == 0 ? ExitCodes.Success : ExitCodes.Failures;
        if (settings.JsonPath is { } target && JsonOutput.Write(target, SpecReportJson.Document(settings, results, exitCode), SpecJsonContext.Default.SpecReportDocument, jsonOutput) is { } problem)
        {
            errors.WriteLine("ptm spec: " + problem);
            return ExitCodes.Failures;
        }
        return exitCode;
    }

    /// <summary>What is wrong with the command line as a whole (each option is read by its own parser); the paths must name specs.</summary>
    private static IEnumerable<string> UsageProblems(Settings settings)
    {
        if (settings.Seeds is not null && settings.Seed is not null) yield return "give --seeds or --seed, not both";
        if (settings.Against == "linux" && (settings.Seeds is not null || settings.Seed is not null))
            yield return "--seeds and --seed choose interleavings of the simulation; a Linux kernel has none to choose";
        if (settings.Against == "linux" && !LinuxScenarioTarget.IsSupported)
            yield return "--against linux needs Linux on x86_64 (the oracle carries that platform's libc values)";
        foreach (var problem in SpecFiles.Expand(settings.Paths).Problems) yield return problem;
    }

    /// <summary>Reads and parses every spec; prints every problem and returns null if there is any.</summary>
    private static List<SpecScript>? Load(IReadOnlyList<string> paths, TextWriter errors)
    {
        var (files, problems) = SpecFiles.Expand(paths);
        var scripts = new List<SpecScript>(files.Count);
        var parseErrors = new List<ParseError>();
        foreach (var file in files)
        {
            var (text, problem) = SpecFiles.Read(file);
            if (problem is not null) { problems.Add(problem); continue; }
            var parsed = SpecParser.Parse(file, text!);
            if (parsed.Script is { } script) scripts.Add(script);
            else parseErrors.AddRange(parsed.Errors);
        }
        foreach (var problem in problems) errors.WriteLine($"ptm spec: {problem}");
        foreach (var error in parseErrors) errors.WriteLine(error);
        if (problems.Count == 0 && parseErrors.Count == 0) return scripts;
        errors.WriteLine("ptm spec: nothing was run");
        return null;
    }

    /// <summary>One spec under the requested seeds; the first failing seed is the result, with the count of distinct interleavings.</summary>
    private static ScenarioResult RunAllSeeds(SpecScript script, Settings settings, ScenarioTargetFactory factory) =>
        settings.Seeds is { } count
            ? ScenarioRunner.RunSeedsAsync(script, factory, count, settings.Options).GetAwaiter().GetResult()
            : Run(script, settings.Seed, settings, factory);

    // The CLI has no synchronization context; on a deterministic target the run completes inline.
    private static ScenarioResult Run(SpecScript script, int? seed, Settings settings, ScenarioTargetFactory factory) =>
        ScenarioRunner.RunAsync(script, factory, seed, settings.Options).GetAwaiter().GetResult();

    private static void WriteDetails(ScenarioResult result, TextWriter output)
    {
        foreach (var line in result.Transcript) output.WriteLine("    " + line);
        if (result.Passed || result.Trace.Count == 0) return;
        const int tail = 40;
        output.WriteLine($"    trace (last {Math.Min(tail, result.Trace.Count)} of {result.Trace.Count}):");
        for (var i = Math.Max(0, result.Trace.Count - tail); i < result.Trace.Count; i++)
            output.WriteLine("      " + result.Trace[i]);
    }
}
