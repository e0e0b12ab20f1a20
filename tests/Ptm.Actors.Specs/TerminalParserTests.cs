using Ptm.Actors.TestKit.Scenarios;
using static Ptm.Actors.Specs.SpecHarness;

namespace Ptm.Actors.Specs;

/// <summary>The terminal steps of docs/spec-language.md ("Modules, terminal settings and signals") parse as written, with the payload conventions of issue 14.</summary>
public class TerminalParserTests
{
    private static Step Only(string line) => Parse(OpenPair + "\n" + line).Steps[^1];

    private static string Hex(PayloadIoctlStep step) => step.Payload is { } payload ? Convert.ToHexString(payload.AsSpan()) : "-";

    [Theory]
    [InlineData("ioctl s I_PUSH ptem", "I_PUSH", "7074656D", (int)IoctlReply.Value)]
    [InlineData("ioctl s I_POP", "I_POP", "-", (int)IoctlReply.Value)]
    [InlineData("ioctl s I_FIND ldterm => 1", "I_FIND", "6C647465726D", (int)IoctlReply.Value)]
    [InlineData("ioctl s I_LIST => \"ldterm ptem pts\"", "I_LIST", "-", (int)IoctlReply.Text)]
    [InlineData("ioctl s TCSBRK 0", "TCSBRK", "00000000", (int)IoctlReply.Value)]
    [InlineData("ioctl s TCXONC 1", "TCXONC", "01000000", (int)IoctlReply.Value)]
    [InlineData("ioctl s TCFLSH 2", "TCFLSH", "02000000", (int)IoctlReply.Value)]
    [InlineData("ioctl m TIOCSIGNAL SIGINT", "TIOCSIGNAL", "02000000", (int)IoctlReply.Value)]
    [InlineData("ioctl m TIOCSIGNAL 20", "TIOCSIGNAL", "14000000", (int)IoctlReply.Value)]
    [InlineData("ioctl m TIOCREMOTE 1", "TIOCREMOTE", "01000000", (int)IoctlReply.Value)]
    [InlineData("ioctl s TIOCSTI \"\\x03\"", "TIOCSTI", "03", (int)IoctlReply.Value)]
    [InlineData("ioctl s TIOCGWINSZ => \"24 80\"", "TIOCGWINSZ", "-", (int)IoctlReply.WindowSize)]
    [InlineData("ioctl s TIOCSWINSZ 24 80", "TIOCSWINSZ", "1800500000000000", (int)IoctlReply.Value)]
    public void Payload_ioctls_carry_their_argument_as_the_conventions_say(string line, string name, string payload, int replyValue)
    {
        var reply = (IoctlReply)replyValue;
        var step = Assert.IsType<PayloadIoctlStep>(Only(line));
        Assert.Equal((name, payload, reply), (step.Name, Hex(step), step.Reply));
    }

    [Fact]
    public void Other_ioctl_names_stay_plain_ioctls()
    {
        var step = Assert.IsType<IoctlStep>(Only("ioctl s TCGETS => EINVAL"));
        Assert.Equal("TCGETS", step.Name);
    }

    [Theory]
    [InlineData("tcgetattr s icanon", "icanon", (int)TermiosFieldKind.Local)]
    [InlineData("tcgetattr s icrnl", "icrnl", (int)TermiosFieldKind.Input)]
    [InlineData("tcgetattr s onlcr", "onlcr", (int)TermiosFieldKind.Output)]
    [InlineData("tcgetattr s cread", "cread", (int)TermiosFieldKind.Control)]
    [InlineData("tcgetattr s erase => 127", "erase", (int)TermiosFieldKind.Char)]
    [InlineData("tcgetattr s min", "min", (int)TermiosFieldKind.Char)]
    [InlineData("tcgetattr s speed => 9600", "speed", (int)TermiosFieldKind.Speed)]
    public void Tcgetattr_names_one_field(string line, string name, int kindValue)
    {
        var kind = (TermiosFieldKind)kindValue;
        var step = Assert.IsType<TcgetattrStep>(Only(line));
        Assert.Equal((name, kind), (step.Field.Name, step.Field.Kind));
    }

    [Fact]
    public void Tcsetattr_reads_flags_characters_and_speed_in_order()
    {
        var step = Assert.IsType<TcsetattrStep>(Only("tcsetattr s drain -icanon echo min=1 time=0 intr=^C erase=^? kill=undef eof=4 werase=^w speed=38400"));
        Assert.Equal(TerminalChange.Drain, step.When);
        Assert.Equal(
            ["icanon=0", "echo=1", "min=1", "time=0", "intr=3", "erase=127", "kill=0", "eof=4", "werase=23", "speed=15"],
            step.Settings.Select(s => $"{s.Field.Name}={s.Value}"));
    }

    [Theory]
    [InlineData("tcsetattr s echo", TerminalChange.Now)]
    [InlineData("tcsetattr s now echo", TerminalChange.Now)]
    [InlineData("tcsetattr s flush echo", TerminalChange.Flush)]
    public void Tcsetattr_takes_effect_now_unless_told(string line, TerminalChange when) =>
        Assert.Equal(when, Assert.IsType<TcsetattrStep>(Only(line)).When);

    [Fact]
    public void Winsize_reads_or_sets_and_signals_names_a_handle()
    {
        Assert.Null(Assert.IsType<WinsizeStep>(Only("winsize s => \"0 0\"")).Set);
        Assert.Equal(new WindowSize(24, 80), Assert.IsType<WinsizeStep>(Only("winsize m 24 80")).Set);
        Assert.Equal("s", Assert.IsType<SignalsStep>(Only("signals s => \"SIGINT SIGWINCH\"")).Handle);
    }

    [Fact]
    public void Terminal_steps_can_be_started_with_an_ampersand()
    {
        var step = Assert.IsType<TcsetattrStep>(Only("t = tcsetattr s drain echo &"));
        Assert.True(step.Background);
    }

    [Theory]
    [InlineData("ioctl s I_PUSH", "t.pty:5:15: missing a module name (ptem, ldterm, pckt, ttcompat)")]
    [InlineData("ioctl s I_PUSH PTEM", "t.pty:5:16: bad module name 'PTEM' (lower case, e.g. ptem, ldterm, pckt, ttcompat)")]
    [InlineData("ioctl s I_POP x", "t.pty:5:15: unexpected 'x'")]
    [InlineData("ioctl s TCSBRK", "t.pty:5:15: missing TCSBRK's argument (a number)")]
    [InlineData("ioctl s TCXONC x", "t.pty:5:16: bad number 'x' (expected a decimal number)")]
    [InlineData("ioctl m TIOCSIGNAL SIGFOO", "t.pty:5:20: unknown signal 'SIGFOO' (a name such as SIGINT or SIGWINCH, or a number)")]
    [InlineData("ioctl s TIOCSTI \"ab\"", "t.pty:5:17: TIOCSTI takes exactly one character, got 2 bytes")]
    [InlineData("ioctl s TIOCSTI x", "t.pty:5:17: expected a one-character string, got 'x'")]
    [InlineData("ioctl s TIOCSWINSZ 24", "t.pty:5:22: missing the number of columns")]
    [InlineData("ioctl s TIOCSWINSZ 24 70000", "t.pty:5:23: bad number '70000' (too large: at most 65535)")]
    [InlineData("tcgetattr s", "t.pty:5:12: missing a termios field (a flag, a control character, min, time or speed)")]
    [InlineData("tcgetattr s canon", "t.pty:5:13: unknown termios field 'canon' (a flag such as icanon, a control character such as intr, min, time or speed)")]
    [InlineData("tcsetattr s", "t.pty:5:12: missing a setting (FLAG, -FLAG, NAME=VALUE or speed=BAUD)")]
    [InlineData("tcsetattr s drain", "t.pty:5:18: missing a setting (FLAG, -FLAG, NAME=VALUE or speed=BAUD)")]
    [InlineData("tcsetattr s -canon", "t.pty:5:14: unknown termios flag 'canon' (FLAG, -FLAG, NAME=VALUE or speed=BAUD)")]
    [InlineData("tcsetattr s intr", "t.pty:5:13: 'intr' is not a flag: set it with intr=VALUE")]
    [InlineData("tcsetattr s icanon=1", "t.pty:5:13: unknown control character 'icanon' (intr, quit, erase, kill, eof, eol, eol2, start, stop, susp, dsusp, reprint, discard, werase, lnext, min, time or speed)")]
    [InlineData("tcsetattr s intr=^", "t.pty:5:18: bad control character value '^' (a number up to 255, ^X, ^? or undef)")]
    [InlineData("tcsetattr s intr=256", "t.pty:5:18: bad number '256' (too large: at most 255)")]
    [InlineData("tcsetattr s intr=", "t.pty:5:18: missing a value (a number, ^X, ^? or undef)")]
    [InlineData("tcsetattr s speed=12345", "t.pty:5:19: unsupported baud rate '12345' (0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200 or 38400)")]
    [InlineData("winsize s 24", "t.pty:5:13: missing the number of columns")]
    [InlineData("signals", "t.pty:5:8: missing a handle")]
    [InlineData("signals q", "t.pty:5:9: unbound handle 'q' (no earlier line binds it)")]
    public void Terminal_step_errors_name_line_and_column(string line, string error) =>
        Assert.Equal([error], Errors(OpenPair + "\n" + line));
}
