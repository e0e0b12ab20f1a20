using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// `--help` as System.CommandLine writes it, followed by an "Exit codes:" section listing what
/// each code means for that command (ExitCodes). System.CommandLine 3 keeps its help builder
/// internal, so the section is written after its help action rather than inside it.
/// </summary>
internal static class CliHelp
{
    /// <summary>Makes every command under <paramref name="root"/> list its exit codes at the end of its help.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
            if (option is HelpOption { Action: HelpAction help } helpOption)
                helpOption.Action = new WithExitCodes(help);
    }

    private sealed class WithExitCodes(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            var codes = ExitCodes.Of(parseResult.CommandResult.Command);
            if (codes.Count == 0) return code;
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Exit codes:");
            foreach (var (exitCode, meaning) in codes)
                output.WriteLine($"  {exitCode,-5}{meaning}");
            output.WriteLine();
            return code;
        }
    }
}
