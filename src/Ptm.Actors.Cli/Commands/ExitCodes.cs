using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// The exit codes every `ptm` command shares, and what each means for one command, as its
/// `--help` lists them (CliHelp). 130 is 128 + SIGINT, what a shell reports for a process a
/// Ctrl+C ended, so a run that stops cleanly on Ctrl+C says the same as one that was killed.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failures = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;

    private static readonly ConditionalWeakTable<Command, IReadOnlyList<(int Code, string Meaning)>> Meanings = new();

    /// <summary>Declares what <paramref name="failures"/> (exit 1) means for <paramref name="command"/>; 0, 2 and 130 read the same everywhere.</summary>
    public static TCommand WithExitCodes<TCommand>(this TCommand command, string success, string failures, string interrupted = "interrupted (Ctrl+C)")
        where TCommand : Command
    {
        Meanings.AddOrUpdate(command, [(Success, success), (Failures, failures), (Usage, "usage error: a bad option or argument (nothing was run)"), (Interrupted, interrupted)]);
        return command;
    }

    /// <summary>The codes declared for <paramref name="command"/>, or none.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Of(Command command) =>
        Meanings.TryGetValue(command, out var meanings) ? meanings : [];
}
