using System.CommandLine;

namespace Ptm.Actors.Cli.Commands;

/// <summary>`ptm spec`: placeholder until its issue lands.</summary>
public static class SpecCommand
{
    public static Command Build()
    {
        var command = new Command("spec", "not built yet");
        command.SetAction(_ => { Console.Error.WriteLine("ptm spec: not built yet"); return CommandLineRunner.Usage; });
        return command;
    }
}
