using System.CommandLine;
using System.CommandLine.Parsing;

namespace Ptm.Actors.Cli.Commands;

/// <summary>
/// Parse errors as a user reads them: one line each, `ptm soak: --ptys: must be between 1 and
/// 100,000 (got -5)`. Our own parsers and validators already speak that way (OptionParsers);
/// System.CommandLine's few built-in messages (its resource texts are internal) are recognised
/// by the parse state that causes them and reworded, and an unknown command is one error, not
/// the parser's two.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The lines to print for <paramref name="parsed"/>'s errors, without the `ptm soak: ` prefix.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        var lines = new List<string>();
        var command = parsed.CommandResult.Command;
        var unmatched = parsed.UnmatchedTokens;
        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            // `ptm` or `ptm frob`: the parser says "required command" and "unrecognized" both; one line says it.
            var names = OptionParsers.Either([.. command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)]);
            lines.Add(unmatched.Count > 0 ? $"'{unmatched[0]}' is not a command (the commands are {names})" : $"give a command: {names}");
            return lines;
        }
        foreach (var token in unmatched)
            lines.Add(token.StartsWith('-') ? $"{token}: no such option" : $"'{token}': unexpected argument");
        foreach (var error in parsed.Errors)
        {
            if (IsUnmatchedTokenError(error, unmatched)) continue;
            var line = Reword(error);
            if (!lines.Contains(line)) lines.Add(line);
        }
        return lines;
    }

    // "Unrecognized command or argument 'x'": already said, once per token, above.
    private static bool IsUnmatchedTokenError(ParseError error, IReadOnlyList<string> unmatched)
    {
        if (error.SymbolResult is not CommandResult) return false;
        foreach (var token in unmatched)
            if (error.Message.Contains($"'{token}'", StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Reword(ParseError error)
    {
        var message = OneLine(error.Message);
        if (error.SymbolResult is not OptionResult { Option: var option } result) return message;
        if (message.StartsWith(option.Name + ":", StringComparison.Ordinal)) return message; // ours already
        if (result.Tokens.Count == 0) return $"{option.Name}: needs a value";
        if (result.Tokens.Count > 1 && option.Arity.MaximumNumberOfValues == 1) return $"{option.Name}: give it once";
        return $"{option.Name}: {message}";
    }

    // The parser's texts may span lines (a list of choices); a usage error is one line.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
}
