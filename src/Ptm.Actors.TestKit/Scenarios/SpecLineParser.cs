using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>Parses one non-blank line: `[NAME =] STEP ARGS... [&amp;] [=> EXPECTATION]`.
/// Errors throw <see cref="SpecSyntaxException"/> with the column at fault.</summary>
internal sealed class SpecLineParser(TokenCursor cursor, Dictionary<string, NameKind> names, int line, string source)
{
    /// <summary>Longest string a repeat may build; beyond it a spec is surely a typo.</summary>
    private const int MaxStringBytes = 16 * 1024 * 1024;

    private static readonly string[] Tunables = ["pt_max_pty", "pt_cnt"];

    /// <summary>Longest `sleep`: a year of virtual time; beyond it a spec is surely a typo.</summary>
    private const long MaxSleepSeconds = 365L * 24 * 60 * 60;

    public Step Parse()
    {
        string? bindTo = null;
        var bindColumn = 0;
        if (cursor.PeekIs(SpecTokenKind.Equals))
            throw new SpecSyntaxException(cursor.Peek!.Value.Column, "missing handle name before '='");
        if (cursor.PeekIs(SpecTokenKind.Word) && cursor.PeekAt(1) is { Kind: SpecTokenKind.Equals })
        {
            var name = cursor.Next("a name");
            if (!HandleName.IsValid(name.Text))
                throw new SpecSyntaxException(name.Column, $"bad handle name {name.Shown} (names are [a-z][a-z0-9_]*)");
            bindTo = name.Text;
            bindColumn = name.Column;
            cursor.Skip();
        }
        var stepWord = cursor.NextWord("a step");
        var step = ParseStep(stepWord);

        var background = false;
        if (cursor.PeekIs(SpecTokenKind.Ampersand))
        {
            var ampersand = cursor.Next("&");
            if (step is not CallStep)
                throw new SpecSyntaxException(ampersand.Column, $"'{stepWord.Text}' cannot be started with &");
            if (bindTo is null)
                throw new SpecSyntaxException(ampersand.Column, "a call started with & needs a name: NAME = STEP &");
            background = true;
        }
        ExpectationSet? expect = null;
        if (cursor.PeekIs(SpecTokenKind.Arrow))
        {
            var arrow = cursor.Next("=>");
            if (step is AsStep or PendingStep or IdleStep or SleepStep)
                throw new SpecSyntaxException(arrow.Column, $"'{stepWord.Text}' takes no expectation");
            if (background)
                throw new SpecSyntaxException(arrow.Column, "a started call is checked by 'await NAME => ...', not on the & line");
            expect = new ExpectationParser(cursor).Parse(arrow);
        }
        if (cursor.Peek is { } extra)
            throw new SpecSyntaxException(extra.Column, $"unexpected {extra.Shown}");

        if (bindTo is not null)
        {
            if (step is not CallStep)
                throw new SpecSyntaxException(bindColumn, $"'{stepWord.Text}' cannot be bound to a name");
            if (!background && step is not OpenStep)
                throw new SpecSyntaxException(bindColumn, "only open binds a handle; to start a call and name it, end the line with &");
        }
        return step switch
        {
            CallStep call => call with { BindTo = bindTo, Background = background, Expect = expect },
            AwaitStep awaited => awaited with { Expect = expect },
            _ => step,
        };
    }

    private Step ParseStep(SpecToken stepWord) => stepWord.Text switch
    {
        "open" => ParseOpen(),
        "close" => new CloseStep(Handle()) { Line = line, Source = source },
        "read" => new ReadStep(Handle(), Count()) { Line = line, Source = source },
        "readn" => new ReadAllStep(Handle(), Count()) { Line = line, Source = source },
        "write" => new WriteStep(Handle(), StringValue("a string")) { Line = line, Source = source },
        "ioctl" => ParseIoctl(),
        "flush" => new FlushStep(Handle(), FlushFlag()) { Line = line, Source = source },
        "poll" => new PollStep(Handle()) { Line = line, Source = source },
        "grantpt" => new GrantptStep(Handle()) { Line = line, Source = source },
        "unlockpt" => new UnlockptStep(Handle()) { Line = line, Source = source },
        "ptsname" => new PtsnameStep(Handle()) { Line = line, Source = source },
        "ptsname_r" => new PtsnameRStep(Handle(), BufferLength()) { Line = line, Source = source },
        "isatty" => new IsattyStep(Handle()) { Line = line, Source = source },
        "stat" => new StatStep(Path()) { Line = line, Source = source },
        "crash" => new CrashStep(Handle()) { Line = line, Source = source },
        "tune" => ParseTune(),
        "putmsg" => ParsePutmsg(),
        "getmsg" => new GetmsgStep(Handle(), Count()) { Line = line, Source = source },
        "tcgetattr" => new TcgetattrStep(Handle(), TerminalSyntax.Field(cursor)) { Line = line, Source = source },
        "tcsetattr" => ParseTcsetattr(),
        "winsize" => new WinsizeStep(Handle(), cursor.AtEnd || !cursor.PeekIs(SpecTokenKind.Word) ? null : TerminalSyntax.Size(cursor)) { Line = line, Source = source },
        "signals" => new SignalsStep(Handle()) { Line = line, Source = source },
        "sleep" => new SleepStep(cursor.NextSeconds("a number of seconds", MaxSleepSeconds)) { Line = line, Source = source },
        "as" => new AsStep(Credentials()) { Line = line, Source = source },
        "pending" => new PendingStep(StartedCall()) { Line = line, Source = source },
        "await" => new AwaitStep(StartedCall(), null) { Line = line, Source = source },
        "idle" => new IdleStep { Line = line, Source = source },
        _ => throw new SpecSyntaxException(stepWord.Column, $"unknown step '{stepWord.Text}'"),
    };

    private OpenStep ParseOpen()
    {
        var path = Path();
        var flags = ScenarioOpenFlags.None;
        while (cursor.PeekIs(SpecTokenKind.Word))
        {
            var flag = cursor.Next("a flag");
            flags |= flag.Text switch
            {
                "nonblock" => ScenarioOpenFlags.NonBlock,
                "ndelay" => ScenarioOpenFlags.NDelay,
                "noctty" => ScenarioOpenFlags.NoCtty,
                _ => throw new SpecSyntaxException(flag.Column, $"unknown open flag '{flag.Text}' (nonblock, ndelay, noctty)"),
            };
        }
        return new OpenStep(path, flags) { Line = line, Source = source };
    }

    private CallStep ParseIoctl()
    {
        var handle = Handle();
        var name = cursor.NextWord("an ioctl name");
        if (!IsUpperName(name.Text))
            throw new SpecSyntaxException(name.Column, $"bad ioctl name '{name.Text}' (upper case, e.g. ISPTM, UNLKPT, ZONEPT)");
        if (TerminalSyntax.IsPayloadIoctl(name.Text))
        {
            var (payload, reply) = TerminalSyntax.IoctlArguments(cursor, name.Text);
            return new PayloadIoctlStep(handle, name.Text, payload, reply) { Line = line, Source = source };
        }
        var args = ImmutableArray.CreateBuilder<long>();
        while (!cursor.AtEnd && !cursor.PeekIs(SpecTokenKind.Ampersand) && !cursor.PeekIs(SpecTokenKind.Arrow))
            args.Add(cursor.NextNumber("an ioctl argument"));
        return new IoctlStep(handle, name.Text, args.ToImmutable()) { Line = line, Source = source };
    }

    private TcsetattrStep ParseTcsetattr()
    {
        var handle = Handle();
        var (when, settings) = TerminalSyntax.Settings(cursor);
        return new TcsetattrStep(handle, when, settings) { Line = line, Source = source };
    }

    private PutmsgStep ParsePutmsg()
    {
        var handle = Handle();
        var (control, data) = MessageSyntax.ReadPair(cursor);
        return new PutmsgStep(handle, control, data) { Line = line, Source = source };
    }

    private TuneStep ParseTune()
    {
        var name = cursor.NextWord("a tunable name");
        if (Array.IndexOf(Tunables, name.Text) < 0)
            throw new SpecSyntaxException(name.Column, $"unknown tunable '{name.Text}' ({string.Join(", ", Tunables)})");
        return new TuneStep(name.Text, cursor.NextNumber("the tunable's value")) { Line = line, Source = source };
    }

    private int FlushFlag()
    {
        var flag = cursor.NextWord("a flush flag (FLUSHR, FLUSHW, FLUSHRW)");
        return flag.Text switch
        {
            "FLUSHR" => FlushBits.R,
            "FLUSHW" => FlushBits.W,
            "FLUSHRW" => FlushBits.RW,
            _ => throw new SpecSyntaxException(flag.Column, $"unknown flush flag '{flag.Text}' (FLUSHR, FLUSHW, FLUSHRW)"),
        };
    }

    private int? BufferLength()
    {
        if (cursor.Peek is { Kind: SpecTokenKind.Word, Text: "null" }) { cursor.Skip(); return null; }
        return (int)cursor.NextNumber("a buffer length or null", int.MaxValue);
    }

    private int Count() => (int)cursor.NextNumber("a byte count", int.MaxValue);

    private DevicePath Path()
    {
        var word = cursor.NextWord("a path (/dev/ptmx, /dev/pts/N or pts(H))");
        var text = word.Text;
        if (text.StartsWith("pts(", StringComparison.Ordinal) && text.EndsWith(')'))
            return new SubsidiaryOf(CheckHandle(text[4..^1], word.Column + 4));
        if (text.StartsWith('/'))
            return new LiteralPath(text);
        throw new SpecSyntaxException(word.Column, $"bad path '{text}' (expected /dev/ptmx, /dev/pts/N or pts(H))");
    }

    private string Handle()
    {
        var word = cursor.NextWord("a handle");
        return CheckHandle(word.Text, word.Column);
    }

    private string CheckHandle(string name, int column)
    {
        if (!HandleName.IsValid(name))
            throw new SpecSyntaxException(column, $"bad handle name '{name}' (names are [a-z][a-z0-9_]*)");
        if (!names.TryGetValue(name, out var kind))
            throw new SpecSyntaxException(column, $"unbound handle '{name}' (no earlier line binds it)");
        return kind switch
        {
            NameKind.StartedOpen => throw new SpecSyntaxException(column, $"'{name}' is an open started with &: 'await {name}' before using it"),
            NameKind.StartedCall or NameKind.AwaitedCall => throw new SpecSyntaxException(column, $"'{name}' names a started call, not a handle"),
            _ => name,
        };
    }

    private string StartedCall()
    {
        var word = cursor.NextWord("the name of a started call");
        if (!HandleName.IsValid(word.Text))
            throw new SpecSyntaxException(word.Column, $"bad handle name '{word.Text}' (names are [a-z][a-z0-9_]*)");
        if (!names.TryGetValue(word.Text, out var kind))
            throw new SpecSyntaxException(word.Column, $"unbound handle '{word.Text}' (no earlier line binds it)");
        return kind switch
        {
            NameKind.Handle => throw new SpecSyntaxException(word.Column, $"'{word.Text}' is a handle, not a call started with &"),
            NameKind.AwaitedCall => throw new SpecSyntaxException(word.Column, $"'{word.Text}' was already awaited"),
            _ => word.Text,
        };
    }

    private ScenarioCredentials Credentials()
    {
        const string usage = "(as root, or as uid U gid G [zone Z] [privileged])";
        var first = cursor.NextWord("credentials " + usage);
        if (first.Text == "root") return ScenarioCredentials.Root;
        long? uid = null, gid = null;
        long zone = 0;
        var privileged = false;
        for (var word = first; ; word = cursor.Next("credentials"))
        {
            if (word.Kind != SpecTokenKind.Word)
                throw new SpecSyntaxException(word.Column, $"unexpected {word.Shown} {usage}");
            switch (word.Text)
            {
                case "uid" when uid is null: uid = cursor.NextNumber("a uid"); break;
                case "gid" when gid is null: gid = cursor.NextNumber("a gid"); break;
                case "zone": zone = cursor.NextNumber("a zone id"); break;
                case "privileged": privileged = true; break;
                default: throw new SpecSyntaxException(word.Column, $"unexpected '{word.Text}' {usage}");
            }
            if (cursor.AtEnd) break;
        }
        if (uid is null || gid is null)
            throw new SpecSyntaxException(cursor.EndColumn, $"missing {(uid is null ? "uid" : "gid")} {usage}");
        return new ScenarioCredentials(uid.Value, gid.Value, zone, privileged);
    }

    private ImmutableArray<byte> StringValue(string what) => ReadString(cursor, what);

    /// <summary>`"text"` or `"text" * N`.</summary>
    internal static ImmutableArray<byte> ReadString(TokenCursor cursor, string what)
    {
        var token = cursor.Next(what);
        if (token.Kind != SpecTokenKind.String)
            throw new SpecSyntaxException(token.Column, $"expected {what}, got {token.Shown}");
        var bytes = token.Bytes!;
        if (!cursor.PeekIs(SpecTokenKind.Star)) return [.. bytes];
        var star = cursor.Next("*");
        var times = cursor.NextNumber("a repeat count after '*'", int.MaxValue);
        if (bytes.Length * times > MaxStringBytes)
            throw new SpecSyntaxException(star.Column, $"the repeated string would be {bytes.Length * times} bytes (at most {MaxStringBytes})");
        var result = new byte[bytes.Length * times];
        for (var i = 0; i < times; i++)
            bytes.CopyTo(result, i * bytes.Length);
        return [.. result];
    }

    private static bool IsUpperName(string text)
    {
        if (text.Length == 0 || text[0] is < 'A' or > 'Z') return false;
        foreach (var c in text)
            if (c is not (>= 'A' and <= 'Z' or >= '0' and <= '9' or '_')) return false;
        return true;
    }
}
