using System.Globalization;
using Ptm.Actors.Cli.ClusterSoak.Coordinator;
using Ptm.Actors.Cli.Commands;
using Ptm.Actors.TestKit.Soak;

namespace Ptm.Actors.Cli.ClusterSoak;

/// <summary>
/// `ptm soak --nodes N` (issue 17): the soak across N node processes. It prints its seed and the
/// command line that repeats it, a progress line every 10 s, then the merged report; Ctrl+C ends
/// the sessions in order and reports what ran (exit 130, or 1 with violations).
/// </summary>
internal static class ClusterSoakCommand
{
    public static int Execute(ClusterSoakOptions options, TextWriter output, TextWriter error, CancellationToken interrupt)
    {
        var jsonToStdout = JsonOutput.IsStdout(options.JsonPath);
        var human = jsonToStdout ? error : output;
        human.WriteLine($"seed {options.Seed.ToString(CultureInfo.InvariantCulture)}; to run the same workload again: {CommandLine(options)}");
        human.Flush();
        var report = new ClusterSoakRun(options, human).RunAsync(interrupt).GetAwaiter().GetResult();
        report.Render(human);
        if (options.JsonPath is { } target && JsonOutput.Write(target, report, ClusterSoakJsonContext.Default.ClusterSoakReport, output) is { } problem)
        {
            error.WriteLine("ptm soak: " + problem);
            return ExitCodes.Failures;
        }
        return report.ExitCode;
    }

    /// <summary>`ptm soak --nodes N --seed S --duration D --ptys P --node-kill-interval I`: parses back to the same options.</summary>
    public static string CommandLine(ClusterSoakOptions options) => string.Join(' ',
        "ptm", "soak", "--nodes", options.Nodes.ToString(CultureInfo.InvariantCulture), "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
        "--duration", DurationText.FormatArgument(options.Duration), "--ptys", options.Ptys.ToString(CultureInfo.InvariantCulture),
        "--node-kill-interval", options.NodeKillInterval <= TimeSpan.Zero ? "0" : DurationText.FormatArgument(options.NodeKillInterval));
}
