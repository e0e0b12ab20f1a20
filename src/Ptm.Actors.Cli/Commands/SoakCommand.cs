using System.CommandLine;

namespace Ptm.Actors.Cli.Commands;

/// <summary>`ptm soak`: placeholder until its issue lands.</summary>
public static class SoakCommand
{
    public static Command Build()
    {
        var command = new Command("soak", "not built yet");
        command.SetAction(_ => { Console.Error.WriteLine("ptm soak: not built yet"); return CommandLineRunner.Usage; });
        return command;
    }
}
