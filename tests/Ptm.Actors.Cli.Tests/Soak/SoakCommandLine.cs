using System.CommandLine;
using Ptm.Actors.Cli.Commands;
using Ptm.Actors.TestKit.Soak;

namespace Ptm.Actors.Cli.Tests.Soak;

/// <summary>What `ptm soak ARGS` printed and returned.</summary>
internal sealed record SoakOutcome(int ExitCode, string Out, string Error);

/// <summary>`ptm soak ARGS` in process: the parser, the command and its report, on a given workload, with plain output and no log.</summary>
internal static class SoakCommandLine
{
    /// <param name="workload">Makes the workload; it gets the command's stdout, to see what was printed before the run.</param>
    /// <param name="interrupt">Stops the run as Ctrl+C does.</param>
    /// <param name="args">What follows `ptm soak`.</param>
    public static SoakOutcome Run(Func<StringWriter, ISoakWorkload> workload, CancellationToken interrupt, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand("test");
        root.Subcommands.Add(SoakCommand.Build(new SoakCommand.Environment
        {
            Out = output,
            Error = error,
            Workload = () => workload(output),
            Interactive = false,
            PlainInterval = TimeSpan.FromHours(1),
            Logger = Serilog.Core.Logger.None,
            Interrupt = interrupt,
        }));
        var code = CommandLineRunner.Run(root, ["soak", .. args], output, error);
        return new SoakOutcome(code, output.ToString(), error.ToString());
    }
}
