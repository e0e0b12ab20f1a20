using System.CommandLine;
using Ptm.Actors.Cli.Examples;

namespace Ptm.Actors.Cli.Commands;

/// <summary>`ptm demo`: the README's host-app example, run for real.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var command = new Command("demo", "Open a pty pair, pass a line through it, close the manager and show the hang-up")
            .WithExitCodes("the example ran", "the example failed");
        command.SetAction(async (_, _) =>
        {
            await HelloPty.RunAsync(Console.Out);
            return 0;
        });
        return command;
    }
}
