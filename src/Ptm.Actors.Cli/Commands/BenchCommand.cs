using System.CommandLine;
using Ptm.Actors.Cli.Bench;
using Ptm.Actors.Cli.Reports;
using Spectre.Console;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// `ptm bench [kernel|pty|scale|cluster|all] [--json FILE|-] [--report FILE.html] [--quick] [--pairs N]`: measures the chosen
/// suites (all by default), prints a table and a bar chart of each figure's ratio to its
/// same-run baseline, and with --json writes the report as JSON to FILE (or stdout for -),
/// with --report as an HTML page with the same chart.
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
            Description = "Which suite to run: " + OptionParsers.Either(choices),
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => BenchRegistry.All,
            CustomParser = result =>
            {
                var name = result.Tokens.Count > 0 ? result.Tokens[0].Value : BenchRegistry.All;
                if (Array.IndexOf(choices, name) < 0) result.AddError($"'{name}' is not a suite (the suites are {OptionParsers.Either(choices)})");
                return name;
            },
        };
        var json = JsonOutput.Option("every figure with its baseline and ratio");
        var htmlReport = HtmlReportOption.Create("the chart of each ratio to its baseline, and the table");
        var quick = new Option<bool>("--quick") { Description = "Short windows (0.2 s instead of 1 s): rough figures, fast" };
        var pairs = new Option<int>("--pairs")
        {
            HelpName = "N",
            Description = "How many pty pairs the scale suite creates",
            DefaultValueFactory = _ => BenchOptions.DefaultPairs,
        }.WholeNumber(1);

        var command = new Command("bench", "Measure the actor runtime (Akka.NET as the pty actors run on it) and the pty simulation against same-run baselines")
            .WithExitCodes("every benchmark ran", "a benchmark failed (the others' figures are still reported)");
        command.Arguments.Add(suite);
        command.Options.Add(json);
        command.Options.Add(htmlReport);
        command.Options.Add(quick);
        command.Options.Add(pairs);
        command.SetAction(parsed =>
        {
            var timed = timing(parsed.GetValue(quick));
            var options = new BenchOptions(timed.WarmUp, timed.Window, timed.Runs, parsed.GetValue(pairs));
            var suites = registry.Resolve(parsed.GetValue(suite) ?? BenchRegistry.All);
            var report = BenchRunner.RunAsync(registry, suites, options, output.Progress).GetAwaiter().GetResult();
            var exitCode = report.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failures;
            var target = parsed.GetValue(json);
            Print(report, JsonOutput.IsStdout(target), output);
            if (target is not null && JsonOutput.Write(target, BenchReportJson.Document(report, exitCode), BenchJsonContext.Default.BenchReportDocument, output.Out) is { } problem)
            {
                output.Progress.WriteLine("ptm bench: " + problem);
                return ExitCodes.Failures;
            }
            if (parsed.GetValue(htmlReport) is { } page && !HtmlReportOption.Write(page, BenchHtmlReport.Render(report), "ptm bench", output.Progress))
                return ExitCodes.Failures;
            return exitCode;
        });
        return command;
    }

    // With --json -, standard output is the JSON alone: the table and the chart go to the progress stream.
    private static void Print(BenchReport report, bool jsonToStdout, BenchOutput output)
    {
        var writer = jsonToStdout ? output.Progress : output.Out;
        var terminal = !jsonToStdout && output.OutIsTerminal;
        if (terminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
            SpectreReportWriter.Write(report, console);
            WriteChart(report, console);
            return;
        }
        PlainReportWriter.Write(report, writer);
        WriteChart(report, PlainConsole.For(writer));
    }

    private static void WriteChart(BenchReport report, IAnsiConsole console)
    {
        if (BenchRatioChart.Render(report) is not { } chart) return;
        console.WriteLine();
        console.Write(chart);
    }
}
