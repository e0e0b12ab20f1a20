using System.CommandLine;

namespace Ptm.Actors.Cli;

/// <summary>
/// Parses and invokes a command so that every verb shares one exit-code convention:
/// 0 success, 1 the job found a failure, 2 bad usage (with the usage text printed).
/// </summary>
internal static class CommandLineRunner
{
    public const int Usage = 2;

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                Console.Error.WriteLine($"ptm: {error.Message}");
            Console.Error.WriteLine();
            Console.Error.WriteLine("Usage: see 'ptm " + string.Join(' ', CommandPath(parsed)) + " --help'");
            return Usage;
        }
        return parsed.Invoke();
    }

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var c = parsed.CommandResult; c is not null && c.Command is not RootCommand; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            names.Push(c.Command.Name);
        return names;
    }
}
