using System.CommandLine;
using Ptm.Actors.Cli.Commands;

namespace Ptm.Actors.Cli;

/// <summary>The `ptm` command. Each verb lives in its own file under Commands/.</summary>
internal static class Program
{
    public static int Main(string[] args) => CommandLineRunner.Run(BuildRoot(), args);

    /// <summary>The whole command tree, as Main runs it.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("ptm: an actor-model simulation of the illumos pseudo-terminal subsystem")
            .WithExitCodes("success", "the command found failures (violations, failed specs, failed benchmarks)");
        root.Subcommands.Add(BenchCommand.Build());
        root.Subcommands.Add(SpecCommand.Build());
        root.Subcommands.Add(SoakCommand.Build());
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(ClusterSoak.Node.NodeCommand.Build());
        return root;
    }
}
