using System.Text;

namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// The cooked-line round trip both pty_cooked_round_trips_per_s and its kernel baseline run, so
/// the two do the same work: the manager writes a request line; the subsidiary, in canonical
/// mode with echo off, reads it as one line and writes an answer line; the manager reads the
/// answer as output processing left it (ONLCR: NL becomes CR NL). The modes are the terminal
/// defaults (illumos' M4.3, Linux's own), with these bits made the same on both.
/// </summary>
internal static class CookedLines
{
    public static readonly byte[] Request = "ping: the quick brown fox jumps\n"u8.ToArray();

    public static readonly byte[] Answer = "pong: the quick brown fox jumps\n"u8.ToArray();

    /// <summary>The answer as the manager reads it: OPOST|ONLCR turned its NL into CR NL.</summary>
    public static readonly byte[] AnswerAtManager = Encoding.ASCII.GetBytes("pong: the quick brown fox jumps\r\n");

    // The bits set and cleared, by their System V values, which illumos and Linux share.
    public const uint LocalSet = 0x1 | 0x2;         // ISIG | ICANON: cooked lines, signal characters live
    public const uint LocalClear = 0x8 | 0x40;      // ECHO | ECHONL: no echo to read back on either
    public const uint InputSet = 0x100;             // ICRNL
    public const uint InputClear = 0x40 | 0x80;     // INLCR | IGNCR
    public const uint OutputSet = 0x1 | 0x4;        // OPOST | ONLCR
    public const uint OutputClear = 0x8;            // OCRNL

    /// <summary>The simulation's modes: illumos' defaults with the bits above applied.</summary>
    public static Termios SimulatedModes(Termios defaults) => defaults with
    {
        Local = (LocalModes)(((uint)defaults.Local | LocalSet) & ~LocalClear),
        Input = (InputModes)(((uint)defaults.Input | InputSet) & ~InputClear),
        Output = (OutputModes)(((uint)defaults.Output | OutputSet) & ~OutputClear),
    };

    /// <summary>True when <paramref name="bytes"/> end a line: a canonical read returns one line, NL last.</summary>
    public static bool EndsLine(ReadOnlySpan<byte> bytes) => !bytes.IsEmpty && bytes[^1] == (byte)'\n';
}
