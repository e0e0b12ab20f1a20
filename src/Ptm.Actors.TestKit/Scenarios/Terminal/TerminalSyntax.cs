using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>
/// The arguments of the terminal steps (docs/spec-language.md, "Modules, terminal settings and
/// signals"), read off a line's tokens after the handle. Payloads follow the conventions of
/// issue 14: an integer argument is a 4-byte little-endian int32, a module name is ASCII,
/// TIOCSTI's character is one byte, a window size is struct winsize.
/// </summary>
internal static class TerminalSyntax
{
    private const string SettingUsage = "FLAG, -FLAG, NAME=VALUE or speed=BAUD";

    /// <summary>True for the ioctl names this class reads arguments for.</summary>
    public static bool IsPayloadIoctl(string name) => name is "I_PUSH" or "I_POP" or "I_FIND" or "I_LIST" or "TCSBRK"
        or "TCXONC" or "TCFLSH" or "TIOCSIGNAL" or "TIOCREMOTE" or "TIOCSTI" or "TIOCGWINSZ" or "TIOCSWINSZ";

    /// <summary>The arguments of `ioctl H NAME ...` for a name <see cref="IsPayloadIoctl"/> accepts.</summary>
    public static (ImmutableArray<byte>? Payload, IoctlReply Reply) IoctlArguments(TokenCursor cursor, string name) => name switch
    {
        "I_PUSH" => (Module(cursor), IoctlReply.Value),
        "I_FIND" => (Module(cursor), IoctlReply.Value),
        "I_POP" => (null, IoctlReply.Value),
        "I_LIST" => (null, IoctlReply.Text),
        "TIOCSIGNAL" => (Int32(SignalNumber(cursor)), IoctlReply.Value),
        "TIOCSTI" => (OneByte(cursor), IoctlReply.Value),
        "TIOCGWINSZ" => (null, IoctlReply.WindowSize),
        "TIOCSWINSZ" => ([.. Size(cursor).ToBytes()], IoctlReply.Value),
        _ => (Int32((int)cursor.NextNumber($"{name}'s argument (a number)", int.MaxValue)), IoctlReply.Value),
    };

    /// <summary>`winsize H ROWS COLS`'s size.</summary>
    public static WindowSize Size(TokenCursor cursor) =>
        new((ushort)cursor.NextNumber("the number of rows", ushort.MaxValue), (ushort)cursor.NextNumber("the number of columns", ushort.MaxValue));

    /// <summary>`tcgetattr H NAME`'s field.</summary>
    public static TermiosField Field(TokenCursor cursor)
    {
        var word = cursor.NextWord("a termios field (a flag, a control character, min, time or speed)");
        if (!TermiosNames.TryField(word.Text, out var field))
            throw new SpecSyntaxException(word.Column, $"unknown termios field '{word.Text}' (a flag such as icanon, a control character such as intr, min, time or speed)");
        return field;
    }

    /// <summary>`tcsetattr H [now|drain|flush] SETTING...`: when, then at least one setting.</summary>
    public static (TerminalChange When, ImmutableArray<TermiosSetting> Settings) Settings(TokenCursor cursor)
    {
        var when = TerminalChange.Now;
        if (cursor.Peek is { Kind: SpecTokenKind.Word, Text: "now" or "drain" or "flush" } timing)
        {
            cursor.Skip();
            when = timing.Text switch { "drain" => TerminalChange.Drain, "flush" => TerminalChange.Flush, _ => TerminalChange.Now };
        }
        var settings = ImmutableArray.CreateBuilder<TermiosSetting>();
        while (!cursor.AtEnd && !cursor.PeekIs(SpecTokenKind.Ampersand) && !cursor.PeekIs(SpecTokenKind.Arrow))
            settings.Add(Setting(cursor));
        if (settings.Count == 0)
            throw new SpecSyntaxException(cursor.Peek?.Column ?? cursor.EndColumn, $"missing a setting ({SettingUsage})");
        return (when, settings.ToImmutable());
    }

    private static TermiosSetting Setting(TokenCursor cursor)
    {
        var word = cursor.NextWord($"a setting ({SettingUsage})");
        if (cursor.PeekIs(SpecTokenKind.Equals))
        {
            cursor.Skip();
            if (word.Text == TermiosNames.Speed.Name) return new TermiosSetting(TermiosNames.Speed, BaudCode(cursor));
            if (!TermiosNames.TryChar(word.Text, out var character))
                throw new SpecSyntaxException(word.Column, $"unknown control character '{word.Text}' (intr, quit, erase, kill, eof, eol, eol2, start, stop, susp, dsusp, reprint, discard, werase, lnext, min, time or speed)");
            return new TermiosSetting(character, CharValue(cursor));
        }
        var clear = word.Text.StartsWith('-');
        var name = clear ? word.Text[1..] : word.Text;
        if (!TermiosNames.TryFlag(name, out var flag))
            throw new SpecSyntaxException(word.Column + (clear ? 1 : 0),
                TermiosNames.TryField(name, out _) ? $"'{name}' is not a flag: set it with {name}=VALUE" : $"unknown termios flag '{name}' ({SettingUsage})");
        return new TermiosSetting(flag, clear ? 0 : 1);
    }

    /// <summary>A control character's value: a number, `^X`, `^?` (DEL) or `undef` (_POSIX_VDISABLE).</summary>
    private static long CharValue(TokenCursor cursor)
    {
        var token = cursor.NextWord("a value (a number, ^X, ^? or undef)");
        var text = token.Text;
        if (text == "undef") return Termios.Disabled;
        if (text == "^?") return 0x7f;
        if (text.Length == 2 && text[0] == '^' && char.ToUpperInvariant(text[1]) is >= '@' and <= '_' and var c) return c & 0x1f;
        if (text.Length > 0 && char.IsAsciiDigit(text[0])) return TokenCursor.ParseNumber(token, byte.MaxValue);
        throw new SpecSyntaxException(token.Column, $"bad control character value '{text}' (a number up to 255, ^X, ^? or undef)");
    }

    private static long BaudCode(TokenCursor cursor)
    {
        var token = cursor.NextWord("a baud rate");
        var rate = TokenCursor.ParseNumber(token, int.MaxValue);
        if (!BaudRates.TryFromRate((int)rate, out var code))
            throw new SpecSyntaxException(token.Column, $"unsupported baud rate '{token.Text}' (0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200 or 38400)");
        return code;
    }

    private static ImmutableArray<byte> Module(TokenCursor cursor)
    {
        var word = cursor.NextWord("a module name (ptem, ldterm, pckt, ttcompat)");
        if (!HandleName.IsValid(word.Text))
            throw new SpecSyntaxException(word.Column, $"bad module name '{word.Text}' (lower case, e.g. ptem, ldterm, pckt, ttcompat)");
        return [.. Encoding.ASCII.GetBytes(word.Text)];
    }

    private static int SignalNumber(TokenCursor cursor)
    {
        var token = cursor.NextWord("a signal (a name such as SIGINT, or a number)");
        if (token.Text.Length > 0 && char.IsAsciiDigit(token.Text[0])) return (int)TokenCursor.ParseNumber(token, int.MaxValue);
        if (token.Text.StartsWith("SIG", StringComparison.Ordinal) && Enum.TryParse<Signal>(token.Text, ignoreCase: false, out var signal) && Enum.IsDefined(signal))
            return (int)signal;
        throw new SpecSyntaxException(token.Column, $"unknown signal '{token.Text}' (a name such as SIGINT or SIGWINCH, or a number)");
    }

    private static ImmutableArray<byte> OneByte(TokenCursor cursor)
    {
        var token = cursor.Next("a one-character string");
        if (token.Kind != SpecTokenKind.String)
            throw new SpecSyntaxException(token.Column, $"expected a one-character string, got {token.Shown}");
        if (token.Bytes!.Length != 1)
            throw new SpecSyntaxException(token.Column, $"TIOCSTI takes exactly one character, got {token.Bytes.Length} bytes");
        return [token.Bytes[0]];
    }

    private static ImmutableArray<byte> Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return [.. bytes];
    }
}
