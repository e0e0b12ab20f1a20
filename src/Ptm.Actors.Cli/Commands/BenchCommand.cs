using System.CommandLine;

namespace Ptm.Actors.Cli.Commands;

/// <summary>`ptm bench`: placeholder until its issue lands.</summary>
public static class BenchCommand
{
    public static Command Build()
    {
        var command = new Command("bench", "not built yet");
        command.SetAction(_ => { Console.Error.WriteLine("ptm bench: not built yet"); return CommandLineRunner.Usage; });
        return command;
    }
}
