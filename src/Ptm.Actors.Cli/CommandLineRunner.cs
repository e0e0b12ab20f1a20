using System.CommandLine;
using Ptm.Actors.Cli.Commands;

namespace Ptm.Actors.Cli;

/// <summary>
/// Parses and invokes a command so that every verb speaks in one voice: parse errors are one
/// line each, `ptm soak: --ptys: must be between 1 and 100,000 (got -5)`, then one pointer to
/// the command's help, and exit 2 (ExitCodes). Nothing runs when the command line is wrong.
/// </summary>
internal static class CommandLineRunner
{
    /// <summary>The exit code of a usage error.</summary>
    public const int Usage = ExitCodes.Usage;

    /// <summary>Parses <paramref name="args"/> and runs the command; help and errors go to the given writers (the console's by default).</summary>
    public static int Run(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        CliHelp.Install(root);
        var parsed = root.Parse(args);
        error ??= Console.Error;
        // `--help` anywhere shows help, whatever else is wrong on the line.
        if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
        {
            var prefix = Prefix(parsed);
            foreach (var line in UsageErrors.Describe(parsed))
                error.WriteLine($"{prefix}: {line}");
            error.WriteLine($"Run '{prefix} --help' for usage.");
            return Usage;
        }
        // The commands handle Ctrl+C themselves (a soak stops cleanly on the first), so the
        // parser must not install its own handler that ends the process two seconds later.
        return parsed.Invoke(new InvocationConfiguration { Output = output ?? Console.Out, Error = error, ProcessTerminationTimeout = null });
    }

    /// <summary>`ptm`, or `ptm soak`: the command the error belongs to, as it is typed.</summary>
    public static string Prefix(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var c = parsed.CommandResult; c is not null && c.Command is not RootCommand; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            names.Push(c.Command.Name);
        return string.Join(' ', ["ptm", .. names]);
    }
}
