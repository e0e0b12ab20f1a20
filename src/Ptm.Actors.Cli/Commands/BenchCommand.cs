using System.CommandLine;
using Ptm.Actors.Cli.Bench;
using Spectre.Console;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// `ptm bench [kernel|pty|scale|all] [--json] [--quick] [--pairs N]`: measures the chosen
/// suites (all by default) and prints a table, or one JSON object of figures with --json.
/// Exit 0; 1 if a benchmark failed; 2 for bad arguments (CommandLineRunner).
/// </summary>
internal static class BenchCommand
{
    public static Command Build() =>
        Build(BenchCatalog.Create(), quick => quick ? BenchOptions.Quick() : BenchOptions.Normal(), BenchOutput.Console());

    /// <summary>Where the command writes; tests pass their own writers.</summary>
    internal sealed record BenchOutput(TextWriter Out, TextWriter Progress, bool OutIsTerminal)
    {
        public static BenchOutput Console() =>
            new(System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected);
    }

    /// <summary>The command over <paramref name="registry"/>'s benchmarks, writing to <paramref name="output"/>.</summary>
    /// <param name="registry">The benchmarks and baselines the suites run.</param>
    /// <param name="timing">The options for a run given --quick; --pairs is applied on top.</param>
    /// <param name="output">Where the report and the progress lines go.</param>
    internal static Command Build(BenchRegistry registry, Func<bool, BenchOptions> timing, BenchOutput output)
    {
        string[] choices = [.. registry.SuiteNames, BenchRegistry.All];
        var suite = new Argument<string>("suite")
        {
            Description = "Which suite to run: " + string.Join(", ", choices),
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => BenchRegistry.All,
        };
        suite.AcceptOnlyFromAmong(choices);
        var json = new Option<bool>("--json") { Description = "Print one JSON object of every figure instead of the table" };
        var quick = new Option<bool>("--quick") { Description = "Short windows (0.2 s instead of 1 s): rough figures, fast" };
        var pairs = new Option<int>("--pairs")
        {
            Description = "How many pty pairs the scale suite creates",
            DefaultValueFactory = _ => BenchOptions.DefaultPairs,
        };
        pairs.CustomParser = ParsePairs;

        var command = new Command("bench", "Measure the actor runtime (Akka.NET as the pty actors run on it) and the pty simulation against same-run baselines");
        command.Arguments.Add(suite);
        command.Options.Add(json);
        command.Options.Add(quick);
        command.Options.Add(pairs);
        command.SetAction(parsed =>
        {
            var timed = timing(parsed.GetValue(quick));
            var options = new BenchOptions(timed.WarmUp, timed.Window, timed.Runs, parsed.GetValue(pairs));
            var suites = registry.Resolve(parsed.GetValue(suite) ?? BenchRegistry.All);
            var report = BenchRunner.RunAsync(registry, suites, options, output.Progress).GetAwaiter().GetResult();
            Print(report, parsed.GetValue(json), output);
            return report.Failures.Count == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>A whole number of at least 1; anything else is a usage error, not an exception.</summary>
    private static int ParsePairs(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1)
            return n;
        result.AddError($"--pairs takes a whole number of at least 1, not '{text}'");
        return BenchOptions.DefaultPairs;
    }

    private static void Print(BenchReport report, bool json, BenchOutput output)
    {
        if (json)
        {
            output.Out.WriteLine(report.ToJson());
            foreach (var note in ReportRows.NotesOf(report)) output.Progress.WriteLine("bench: " + note);
        }
        else if (output.OutIsTerminal)
            SpectreReportWriter.Write(report, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output.Out) }));
        else
            PlainReportWriter.Write(report, output.Out);
    }
}
