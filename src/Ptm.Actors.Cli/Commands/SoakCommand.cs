using System.CommandLine;
using System.Runtime.InteropServices;
using Ptm.Actors.Cli.ClusterSoak;
using Ptm.Actors.Cli.Reports;
using Ptm.Actors.Cli.Soak;
using Spectre.Console;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// `ptm soak`: many concurrent ptys with injected faults, checked against the rule book's
/// invariants as the run goes (Soak/InvariantChecker). Every option is read by its parser
/// (OptionParsers), so a bad one is a usage error before anything runs. The seed and the
/// command line that repeats the run are printed first; Ctrl+C stops the run cleanly (the
/// invariants are still checked on what ran, exit 130, or 1 with violations), a second one
/// ends the process at once.
/// </summary>
internal static class SoakCommand
{
    /// <summary>What the command talks to; tests substitute writers, a workload and a logger.</summary>
    public sealed record Environment
    {
        public TextWriter Out { get; init; } = Console.Out;
        public TextWriter Error { get; init; } = Console.Error;
        public Func<ISoakWorkload> Workload { get; init; } = () => new PtySoakWorkload { PtySystemLogOverride = PtySystemLogOverride() };
        /// <summary>Live display (true) or plain lines (false); null asks Console.IsOutputRedirected.</summary>
        public bool? Interactive { get; init; }
        public TimeSpan PlainInterval { get; init; } = PlainSoakDisplay.DefaultInterval;
        /// <summary>Null builds a Serilog console logger on stderr.</summary>
        public Serilog.ILogger? Logger { get; init; }
        public TimeSpan TeardownGrace { get; init; } = SoakOptions.DefaultTeardownGrace;
        /// <summary>Stops the run as Ctrl+C does (tests); SIGINT is listened to as well.</summary>
        public CancellationToken Interrupt { get; init; }
    }

    /// <summary>
    /// The pty system logs (through Akka.Logger.Serilog: actor failures at Error, PD13 crashes at
    /// Debug, each with its actor path as the source) to the run's logger. Diagnostics:
    /// PTM_SOAK_PTYLOG=1 sends it to stderr at Debug instead, whatever --verbose says.
    /// </summary>
    private static Serilog.ILogger? PtySystemLogOverride() =>
        System.Environment.GetEnvironmentVariable("PTM_SOAK_PTYLOG") is null ? null : SoakLogging.Console(Serilog.Events.LogEventLevel.Debug);

    public static Command Build() => Build(new Environment());

    public static Command Build(Environment environment)
    {
        var command = new Command("soak", "Run many concurrent pseudo-terminals with injected faults and check that nothing is lost, nothing hangs, nothing leaks.")
            .WithExitCodes("no violations", "violations found (interrupted or not)", "interrupted (Ctrl+C) with no violations in what ran");
        // No DefaultValueFactory: help would show it as 00:01:00, where the user types 60s.
        var duration = new Option<TimeSpan?>("--duration")
        {
            HelpName = "DURATION",
            Description = $"How long to run: seconds, or a number with a unit (500ms, 90s, 5m, 1h); at most 7 days [default: {DurationText.FormatArgument(SoakOptions.DefaultDuration)}]",
        }.Duration(SoakOptions.MaxDuration);
        var ptys = new Option<int>("--ptys") { HelpName = "N", Description = "Pseudo-terminals live at once (1 to 100,000)", DefaultValueFactory = _ => SoakOptions.DefaultPtys }
            .WholeNumber(1, SoakOptions.MaxPtys);
        var seed = new Option<long?>("--seed") { HelpName = "SEED", Description = "Seed of the workload's random choices; the same seed gives the same workload (default: random, printed before the run starts)" }
            .WholeNumber(0L);
        var deterministic = new Option<bool>("--deterministic") { Description = "Run on the TestKit's seeded dispatcher and virtual time (replayable by --seed)" };
        var json = JsonOutput.Option("the soak report");
        var htmlReport = HtmlReportOption.Create("the latency distribution, the timeline of sessions and faults, the failed calls by errno and the violations");
        var memoryBudget = new Option<MemoryBudget>("--memory-budget")
        {
            HelpName = "BASE+PER_PTY",
            Description = "Managed-memory budget BASE+PER_PTY, e.g. 256MiB+64KiB (base plus an allowance per live pty)",
            DefaultValueFactory = _ => MemoryBudget.Default,
        }.Budget();
        var terminalShare = new Option<double>("--terminal-share")
        {
            HelpName = "SHARE",
            Description = "Share of sessions (0 to 1) that push ptem and ldterm and run terminal operations (lines, echo, INTR, resizes, modes)",
            DefaultValueFactory = _ => SoakOptions.DefaultTerminalShare,
        }.Fraction();
        var nodes = new Option<int?>("--nodes")
        {
            HelpName = "N",
            Description = $"Run across N cluster node processes on loopback ({ClusterSoakOptions.MinNodes} to {ClusterSoakOptions.MaxNodes}), each session's subsidiary on another node than its manager, with node kills (issue 17); --ptys then defaults to {ClusterSoakOptions.DefaultPtys}",
        }.WholeNumber(ClusterSoakOptions.MinNodes, ClusterSoakOptions.MaxNodes);
        var nodeKillInterval = new Option<TimeSpan?>("--node-kill-interval")
        {
            HelpName = "DURATION",
            Description = $"With --nodes: the mean time between node kills (node_kill), 0 for none [default: {DurationText.FormatArgument(ClusterSoakOptions.DefaultNodeKillInterval)}]",
        }.DurationOrNone(SoakOptions.MaxDuration);
        var verbose = new Option<bool>("--verbose") { Description = "Log every injected fault (Serilog Debug) as well as every violation" };
        var rates = new Dictionary<FaultKind, Option<double>>();
        foreach (var kind in FaultKinds.All)
        {
            var defaultRate = SoakOptions.DefaultFaultRates[kind];
            rates[kind] = new Option<double>(FaultKinds.OptionName(kind))
            {
                HelpName = "P",
                Description = $"Probability per operation of injecting {FaultKinds.Name(kind)} (0 to 1)",
                DefaultValueFactory = _ => defaultRate,
            }.Fraction();
        }

        command.Options.Add(duration);
        command.Options.Add(ptys);
        command.Options.Add(seed);
        command.Options.Add(deterministic);
        command.Options.Add(json);
        command.Options.Add(htmlReport);
        command.Options.Add(memoryBudget);
        foreach (var kind in FaultKinds.All) command.Options.Add(rates[kind]);
        command.Options.Add(terminalShare);
        command.Options.Add(verbose);
        command.Options.Add(nodes);
        command.Options.Add(nodeKillInterval);
        Option[] singleProcessOnly = [deterministic, htmlReport, memoryBudget, terminalShare, verbose, .. rates.Values];
        command.Validators.Add(result =>
        {
            var withNodes = result.GetResult(nodes) is { Implicit: false };
            if (withNodes && singleProcessOnly.FirstOrDefault(option => result.GetResult(option) is { Implicit: false }) is { } extra)
                result.AddError($"{extra.Name}: does not apply with --nodes (the nodes run the cross-node workload on the wall clock)");
            if (!withNodes && result.GetResult(nodeKillInterval) is { Implicit: false })
                result.AddError("--node-kill-interval: applies only with --nodes");
        });

        command.SetAction(parsed =>
        {
            if (parsed.GetValue(nodes) is { } nodeCount)
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(environment.Interrupt);
                using var ctrlC = ListenForCtrlC(stop, environment.Error);
                return ClusterSoakCommand.Execute(new ClusterSoakOptions
                {
                    Nodes = nodeCount,
                    Duration = parsed.GetValue(duration) ?? SoakOptions.DefaultDuration,
                    Ptys = parsed.GetResult(ptys) is { Implicit: false } ? parsed.GetValue(ptys) : ClusterSoakOptions.DefaultPtys,
                    Seed = parsed.GetValue(seed) ?? Random.Shared.NextInt64(0, long.MaxValue),
                    NodeKillInterval = parsed.GetValue(nodeKillInterval) ?? ClusterSoakOptions.DefaultNodeKillInterval,
                    JsonPath = parsed.GetValue(json),
                }, environment.Out, environment.Error, stop.Token);
            }
            var faultRates = new Dictionary<FaultKind, double>();
            foreach (var kind in FaultKinds.All) faultRates[kind] = parsed.GetValue(rates[kind]);
            var arguments = new SoakArguments
            {
                Duration = parsed.GetValue(duration) ?? SoakOptions.DefaultDuration,
                Ptys = parsed.GetValue(ptys),
                Seed = parsed.GetValue(seed),
                Deterministic = parsed.GetValue(deterministic),
                JsonPath = parsed.GetValue(json),
                MemoryBudget = parsed.GetValue(memoryBudget)!,
                FaultRates = faultRates,
                TerminalShare = parsed.GetValue(terminalShare),
            };
            return Execute(arguments.ToOptions() with { TeardownGrace = environment.TeardownGrace }, parsed.GetValue(verbose), parsed.GetValue(htmlReport), environment);
        });
        return command;
    }

    private static int Execute(SoakOptions options, bool verbose, string? htmlReport, Environment environment)
    {
        // With --json -, standard output is the JSON alone; the person watching reads standard error.
        var jsonToStdout = JsonOutput.IsStdout(options.JsonPath);
        var human = jsonToStdout ? environment.Error : environment.Out;
        var interactive = !jsonToStdout && (environment.Interactive ?? !Console.IsOutputRedirected);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(environment.Interrupt);
        using var ctrlC = ListenForCtrlC(interrupt, environment.Error);

        human.WriteLine(SoakReplayLine.Of(options));
        human.Flush();

        var workload = environment.Workload();
        using var logging = environment.Logger is null ? SoakLogging.Create(verbose, deferUntilReleased: interactive) : SoakLogging.Wrap(environment.Logger);
        var logger = logging.Logger;
        var console = interactive ? AnsiConsole.Console : PlainConsole.For(human);
        ISoakDisplay display = interactive ? new LiveSoakDisplay(console) : new PlainSoakDisplay(human, environment.PlainInterval);
        logger.Information("Soak run: {Ptys} ptys for {Duration}, seed {Seed}{Mode}", options.Ptys, DurationText.Format(options.Duration), options.Seed, options.Deterministic ? ", deterministic" : "");

        var report = new SoakRunner(options, workload, display, logger).RunAsync(interrupt.Token).GetAwaiter().GetResult();
        logging.Release();

        console.Write(SoakReportTable.Render(report));
        console.Write(SoakCharts.Render(report));
        human.Flush();
        if (options.JsonPath is { } target && JsonOutput.Write(target, SoakReportJson.Document(report), SoakJsonContext.Default.SoakReportDocument, environment.Out) is { } problem)
        {
            environment.Error.WriteLine("ptm soak: " + problem);
            return ExitCodes.Failures;
        }
        if (htmlReport is not null && !HtmlReportOption.Write(htmlReport, SoakHtmlReport.Render(report), "ptm soak", environment.Error))
            return ExitCodes.Failures;
        return report.ExitCode;
    }

    /// <summary>
    /// The first SIGINT (Ctrl+C) stops the run through <paramref name="interrupt"/> and lets it
    /// report, saying so on <paramref name="notice"/> (stderr: the live display owns stdout); the
    /// second is left to the runtime, which ends the process at once (exit 130).
    /// </summary>
    internal static PosixSignalRegistration ListenForCtrlC(CancellationTokenSource interrupt, TextWriter notice) =>
        PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (interrupt.IsCancellationRequested) return;
            context.Cancel = true;
            notice.WriteLine(CtrlCNotice);
            notice.Flush();
            interrupt.Cancel();
        });

    /// <summary>What the first Ctrl+C prints.</summary>
    public const string CtrlCNotice = "Ctrl+C: stopping the run; the invariants are checked on what ran (Ctrl+C again to abort at once)";
}
