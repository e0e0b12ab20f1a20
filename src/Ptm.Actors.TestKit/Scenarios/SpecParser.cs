using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// Parses `.pty` source text (docs/spec-language.md) into a <see cref="SpecScript"/>. Every
/// line is parsed even after an error, so one run reports all of a file's errors; a file with
/// any error yields no script, and nothing of it runs.
/// </summary>
public static class SpecParser
{
    /// <summary>Parses one spec's text; the result holds the script, or every error found.</summary>
    /// <param name="path">Where the text came from: it names the spec in errors and results.</param>
    /// <param name="text">The spec's source (<see cref="SpecFiles.Read"/> gives it).</param>
    public static SpecParseResult Parse(string path, string text)
    {
        var lines = text.Split('\n');
        var lastLine = lines.Length;
        if (lastLine > 1 && lines[^1].Length == 0) lastLine--; // a final newline ends the last line
        var steps = ImmutableArray.CreateBuilder<Step>();
        var errors = ImmutableArray.CreateBuilder<ParseError>();
        var names = new Dictionary<string, NameKind>(StringComparer.Ordinal);
        for (var index = 0; index < lastLine; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var lineNumber = index + 1;
            var (tokens, lexError) = SpecLexer.Tokenize(line);
            if (lexError is { } lex)
            {
                errors.Add(new ParseError(path, lineNumber, lex.Column, lex.Message));
                PoisonBinding(tokens, names);
                continue;
            }
            if (tokens.Count == 0) continue;
            var source = SpecLexer.StripComment(line);
            var endColumn = tokens[^1].Column + tokens[^1].Text.Length;
            try
            {
                var step = new SpecLineParser(new TokenCursor(tokens, endColumn), names, lineNumber, source).Parse();
                steps.Add(step);
                Bind(step, names);
            }
            catch (SpecSyntaxException error)
            {
                errors.Add(new ParseError(path, lineNumber, error.Column, error.Message));
                PoisonBinding(tokens, names);
            }
        }
        if (errors.Count == 0 && steps.Count == 0)
            errors.Add(new ParseError(path, 1, 1, "the spec has no steps"));
        return errors.Count > 0
            ? new SpecParseResult(null, errors.ToImmutable())
            : new SpecParseResult(new SpecScript(path, steps.ToImmutable(), lastLine), []);
    }

    /// <summary>Records what the names of a parsed line stand for from the next line on.</summary>
    private static void Bind(Step step, Dictionary<string, NameKind> names)
    {
        switch (step)
        {
            case CallStep { BindTo: { } name } call:
                names[name] = call switch
                {
                    OpenStep when !call.Background => NameKind.Handle,
                    OpenStep => NameKind.StartedOpen,
                    _ => NameKind.StartedCall,
                };
                break;
            case AwaitStep awaited:
                if (names.TryGetValue(awaited.Name, out var kind))
                    names[awaited.Name] = kind == NameKind.StartedOpen ? NameKind.Handle
                        : kind == NameKind.Poisoned ? NameKind.Poisoned : NameKind.AwaitedCall;
                break;
        }
    }

    /// <summary>A line in error that looks like `NAME = ...` still binds NAME, so its later uses
    /// do not each report "unbound".</summary>
    private static void PoisonBinding(List<SpecToken> tokens, Dictionary<string, NameKind> names)
    {
        if (tokens.Count >= 2 && tokens[0].Kind == SpecTokenKind.Word && tokens[1].Kind == SpecTokenKind.Equals)
            names[tokens[0].Text] = NameKind.Poisoned;
    }
}
