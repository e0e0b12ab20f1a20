using System.CommandLine;
using Ptm.Actors.Cli.Commands;
using Ptm.Actors.Cli.Soak;

namespace Ptm.Actors.Cli;

/// <summary>The `ptm` command. Each verb lives in its own file under Commands/.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        // `ptm soak` drives the embedded pty system through its host API (issue 7).
        SoakWorkloadRegistry.Register(() => new PtySoakWorkload());
        var root = new RootCommand("ptm: an actor-model simulation of the illumos pseudo-terminal subsystem");
        root.Subcommands.Add(BenchCommand.Build());
        root.Subcommands.Add(SpecCommand.Build());
        root.Subcommands.Add(SoakCommand.Build());
        root.Subcommands.Add(DemoCommand.Build());
        return CommandLineRunner.Run(root, args);
    }
}
