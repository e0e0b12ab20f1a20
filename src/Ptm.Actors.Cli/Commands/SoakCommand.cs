using System.CommandLine;
using System.Globalization;
using Ptm.Actors.Cli.Soak;
using Spectre.Console;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// `ptm soak`: many concurrent ptys with injected faults, checked against the rule book's
/// invariants as the run goes (Soak/InvariantChecker). Exit 0 with no violations, 1 with any,
/// 2 for bad options or while no workload is wired (Soak/SoakWorkloadRegistry).
/// </summary>
internal static class SoakCommand
{
    /// <summary>What the command talks to; tests substitute writers, a workload and a logger.</summary>
    public sealed record Environment
    {
        public TextWriter Out { get; init; } = Console.Out;
        public TextWriter Error { get; init; } = Console.Error;
        public Func<ISoakWorkload?> Workload { get; init; } = SoakWorkloadRegistry.Create;
        /// <summary>Live display (true) or plain lines (false); null asks Console.IsOutputRedirected.</summary>
        public bool? Interactive { get; init; }
        public TimeSpan PlainInterval { get; init; } = PlainSoakDisplay.DefaultInterval;
        /// <summary>Null builds a Serilog console logger on stderr.</summary>
        public Serilog.ILogger? Logger { get; init; }
        public TimeSpan TeardownGrace { get; init; } = SoakOptions.DefaultTeardownGrace;
    }

    public static Command Build() => Build(new Environment());

    public static Command Build(Environment environment)
    {
        var command = new Command("soak", "Run many concurrent pseudo-terminals with injected faults and check that nothing is lost, nothing hangs, nothing leaks.");
        var duration = new Option<string>("--duration") { Description = "How long to run: seconds, or with a unit (500ms, 90s, 5m, 1h)", DefaultValueFactory = _ => "60s" };
        var ptys = new Option<int>("--ptys") { Description = "Pseudo-terminals live at once", DefaultValueFactory = _ => SoakOptions.DefaultPtys };
        var seed = new Option<long?>("--seed") { Description = "Seed of the workload's random choices; the same seed gives the same workload (default: random, shown in the report)" };
        var deterministic = new Option<bool>("--deterministic") { Description = "Run on the TestKit's seeded dispatcher and virtual time (replayable by --seed)" };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file" };
        var memoryBudget = new Option<string>("--memory-budget") { Description = "Managed-memory budget BASE+PER_PTY, e.g. 256MiB+64KiB (base plus an allowance per live pty)", DefaultValueFactory = _ => "256MiB+64KiB" };
        var terminalShare = new Option<double>("--terminal-share") { Description = "Share of sessions (0..1) that push ptem and ldterm and run terminal operations (lines, echo, INTR, resizes, modes)", DefaultValueFactory = _ => SoakOptions.DefaultTerminalShare };
        var verbose = new Option<bool>("--verbose") { Description = "Log every injected fault (Serilog Debug) as well as every violation" };
        var rates = new Dictionary<FaultKind, Option<double>>();
        foreach (var kind in FaultKinds.All)
        {
            var defaultRate = SoakOptions.DefaultFaultRates[kind];
            rates[kind] = new Option<double>(FaultKinds.OptionName(kind))
            {
                Description = $"Probability per operation of injecting {FaultKinds.Name(kind)} (0..1)",
                DefaultValueFactory = _ => defaultRate,
            };
        }

        command.Options.Add(duration);
        command.Options.Add(ptys);
        command.Options.Add(seed);
        command.Options.Add(deterministic);
        command.Options.Add(json);
        command.Options.Add(memoryBudget);
        foreach (var kind in FaultKinds.All) command.Options.Add(rates[kind]);
        command.Options.Add(terminalShare);
        command.Options.Add(verbose);

        command.SetAction(parsed =>
        {
            var faultRates = new Dictionary<FaultKind, double>();
            foreach (var kind in FaultKinds.All) faultRates[kind] = parsed.GetValue(rates[kind]);
            var arguments = new SoakArguments
            {
                Duration = parsed.GetValue(duration) ?? "",
                Ptys = parsed.GetValue(ptys),
                Seed = parsed.GetValue(seed),
                Deterministic = parsed.GetValue(deterministic),
                JsonPath = parsed.GetValue(json),
                MemoryBudget = parsed.GetValue(memoryBudget) ?? "",
                FaultRates = faultRates,
                TerminalShare = parsed.GetValue(terminalShare),
            };
            return Execute(command, arguments, parsed.GetValue(verbose), environment);
        });
        return command;
    }

    private static int Execute(Command command, SoakArguments arguments, bool verbose, Environment environment)
    {
        if (!arguments.TryValidate(out var options, out var errors))
        {
            foreach (var error in errors) environment.Error.WriteLine("ptm soak: " + error);
            environment.Error.WriteLine();
            WriteUsage(command, environment.Error);
            return CommandLineRunner.Usage;
        }
        var workload = environment.Workload();
        if (workload is null)
        {
            environment.Error.WriteLine("ptm soak: the soak workload is not wired yet: no pty host API workload has been registered (SoakWorkloadRegistry.Register). Nothing was run.");
            return CommandLineRunner.Usage;
        }
        options = options with { TeardownGrace = environment.TeardownGrace };

        var interactive = environment.Interactive ?? !Console.IsOutputRedirected;
        using var logging = environment.Logger is null ? SoakLogging.Create(verbose, deferUntilReleased: interactive) : SoakLogging.Wrap(environment.Logger);
        var logger = logging.Logger;
        using var cancel = new CancellationTokenSource();
        // The first Ctrl+C stops the run and still reports; a second one ends the process.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (cancel.IsCancellationRequested) return;
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var console = interactive ? AnsiConsole.Console : PlainConsole(environment.Out);
            ISoakDisplay display = interactive ? new LiveSoakDisplay(console) : new PlainSoakDisplay(environment.Out, environment.PlainInterval);
            logger.Information("Soak run: {Ptys} ptys for {Duration}, seed {Seed}{Mode}", options.Ptys, DurationText.Format(options.Duration), options.Seed, options.Deterministic ? ", deterministic" : "");

            var report = new SoakRunner(options, workload, display, logger).RunAsync(cancel.Token).GetAwaiter().GetResult();
            logging.Release();

            console.Write(SoakReportTable.Render(report));
            environment.Out.Flush();
            if (options.JsonPath is not null)
            {
                try
                {
                    SoakReportJson.WriteFile(report, options.JsonPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    environment.Error.WriteLine($"ptm soak: could not write the JSON report to '{options.JsonPath}': {e.Message}");
                    return 1;
                }
            }
            return report.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static IAnsiConsole PlainConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;
        return console;
    }

    /// <summary>The usage text printed with option errors: every option, its meaning and default.</summary>
    public static void WriteUsage(Command command, TextWriter writer)
    {
        writer.WriteLine("Usage: ptm soak [options]");
        writer.WriteLine();
        writer.WriteLine(command.Description);
        writer.WriteLine();
        writer.WriteLine("Options:");
        foreach (var option in command.Options)
        {
            var defaultText = option.HasDefaultValue ? $" [default: {FormatDefault(option.GetDefaultValue())}]" : "";
            writer.WriteLine($"  {option.Name,-28} {option.Description}{defaultText}");
        }
        writer.WriteLine();
        writer.WriteLine("Exit status: 0 no violations, 1 violations found, 2 bad options or no workload wired.");
    }

    private static string FormatDefault(object? value) => value switch
    {
        double d => d.ToString(CultureInfo.InvariantCulture),
        null => "none",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
