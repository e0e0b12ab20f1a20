using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Ptm.Actors.TestKit.Scenarios.Linux;

/// <summary>
/// Translates glibc's x86_64 struct termios to and from our illumos-layout <see cref="Termios"/>
/// flag by flag and character by character, by name (many values happen to agree; the table
/// never relies on it). Linux bits with no illumos name (IUTF8, EXTPROC, CBAUDEX speeds, the
/// output delays) are left as they were when settings are applied, and illumos ones with no
/// Linux name (VDSUSP) read as unset.
/// </summary>
internal static class LinuxTermios
{
    private enum Word { Input = 0, Output = 4, Control = 8, Local = 12 }

    /// <summary>(name, word, illumos mask, Linux mask): one bit, or a multi-bit field (csize, tabdly) whose values agree.</summary>
    private static readonly (string Name, Word Word, uint Illumos, uint Linux)[] Flags =
    [
        ("ignbrk", Word.Input, (uint)InputModes.IGNBRK, 0x1), ("brkint", Word.Input, (uint)InputModes.BRKINT, 0x2),
        ("ignpar", Word.Input, (uint)InputModes.IGNPAR, 0x4), ("parmrk", Word.Input, (uint)InputModes.PARMRK, 0x8),
        ("inpck", Word.Input, (uint)InputModes.INPCK, 0x10), ("istrip", Word.Input, (uint)InputModes.ISTRIP, 0x20),
        ("inlcr", Word.Input, (uint)InputModes.INLCR, 0x40), ("igncr", Word.Input, (uint)InputModes.IGNCR, 0x80),
        ("icrnl", Word.Input, (uint)InputModes.ICRNL, 0x100), ("iuclc", Word.Input, (uint)InputModes.IUCLC, 0x200),
        ("ixon", Word.Input, (uint)InputModes.IXON, 0x400), ("ixany", Word.Input, (uint)InputModes.IXANY, 0x800),
        ("ixoff", Word.Input, (uint)InputModes.IXOFF, 0x1000), ("imaxbel", Word.Input, (uint)InputModes.IMAXBEL, 0x2000),
        ("opost", Word.Output, (uint)OutputModes.OPOST, 0x1), ("olcuc", Word.Output, (uint)OutputModes.OLCUC, 0x2),
        ("onlcr", Word.Output, (uint)OutputModes.ONLCR, 0x4), ("ocrnl", Word.Output, (uint)OutputModes.OCRNL, 0x8),
        ("onocr", Word.Output, (uint)OutputModes.ONOCR, 0x10), ("onlret", Word.Output, (uint)OutputModes.ONLRET, 0x20),
        ("ofill", Word.Output, (uint)OutputModes.OFILL, 0x40), ("ofdel", Word.Output, (uint)OutputModes.OFDEL, 0x80),
        ("tabdly", Word.Output, (uint)OutputModes.TABDLY, 0x1800),
        ("csize", Word.Control, (uint)ControlModes.CSIZE, 0x30), ("cstopb", Word.Control, (uint)ControlModes.CSTOPB, 0x40),
        ("cread", Word.Control, (uint)ControlModes.CREAD, 0x80), ("parenb", Word.Control, (uint)ControlModes.PARENB, 0x100),
        ("parodd", Word.Control, (uint)ControlModes.PARODD, 0x200), ("hupcl", Word.Control, (uint)ControlModes.HUPCL, 0x400),
        ("clocal", Word.Control, (uint)ControlModes.CLOCAL, 0x800),
        ("isig", Word.Local, (uint)LocalModes.ISIG, 0x1), ("icanon", Word.Local, (uint)LocalModes.ICANON, 0x2),
        ("xcase", Word.Local, (uint)LocalModes.XCASE, 0x4), ("echo", Word.Local, (uint)LocalModes.ECHO, 0x8),
        ("echoe", Word.Local, (uint)LocalModes.ECHOE, 0x10), ("echok", Word.Local, (uint)LocalModes.ECHOK, 0x20),
        ("echonl", Word.Local, (uint)LocalModes.ECHONL, 0x40), ("noflsh", Word.Local, (uint)LocalModes.NOFLSH, 0x80),
        ("tostop", Word.Local, (uint)LocalModes.TOSTOP, 0x100), ("echoctl", Word.Local, (uint)LocalModes.ECHOCTL, 0x200),
        ("echoprt", Word.Local, (uint)LocalModes.ECHOPRT, 0x400), ("echoke", Word.Local, (uint)LocalModes.ECHOKE, 0x800),
        ("flusho", Word.Local, (uint)LocalModes.FLUSHO, 0x1000), ("pendin", Word.Local, (uint)LocalModes.PENDIN, 0x4000),
        ("iexten", Word.Local, (uint)LocalModes.IEXTEN, 0x8000),
    ];

    /// <summary>Control characters with a slot of their own on both systems (illumos index, Linux index).</summary>
    private static readonly (ControlChar Illumos, int Linux)[] Chars =
    [
        (ControlChar.VINTR, 0), (ControlChar.VQUIT, 1), (ControlChar.VERASE, 2), (ControlChar.VKILL, 3),
        (ControlChar.VEOL2, 16), (ControlChar.VSTART, 8), (ControlChar.VSTOP, 9), (ControlChar.VSUSP, 10),
        (ControlChar.VREPRINT, 12), (ControlChar.VDISCARD, 13), (ControlChar.VWERASE, 14), (ControlChar.VLNEXT, 15),
    ];

    // Linux keeps VEOF/VEOL and VMIN/VTIME apart; illumos shares slots 4 and 5 between them.
    private const int LinuxVEof = 4, LinuxVTime = 5, LinuxVMin = 6, LinuxVEol = 11;
    private const int CcOffset = 17;
    private const uint LinuxIcanon = 0x2;

    /// <summary>The illumos view of a Linux termios. Slots 4 and 5 hold EOF/EOL in canonical mode
    /// and MIN/TIME otherwise, the values the line discipline is using in that mode.</summary>
    public static Termios ToIllumos(ReadOnlySpan<byte> linux, uint speedCode)
    {
        Span<uint> words = stackalloc uint[4];
        foreach (var (_, word, illumos, linuxMask) in Flags)
        {
            var value = Read(linux, word) & linuxMask;
            if (value != 0) words[(int)word / 4] |= illumos == linuxMask ? value : illumos;
        }
        var chars = new byte[Termios.ControlCharCount];
        foreach (var (illumos, index) in Chars) chars[(int)illumos] = linux[CcOffset + index];
        var canonical = (Read(linux, Word.Local) & LinuxIcanon) != 0;
        chars[(int)ControlChar.VEOF] = linux[CcOffset + (canonical ? LinuxVEof : LinuxVMin)];
        chars[(int)ControlChar.VEOL] = linux[CcOffset + (canonical ? LinuxVEol : LinuxVTime)];
        var control = words[2] | Math.Min(speedCode, (uint)ControlModes.CBAUD);
        return new Termios((InputModes)words[0], (OutputModes)words[1], (ControlModes)control, (LocalModes)words[3], [.. chars]);
    }

    /// <summary>Writes <paramref name="termios"/> into a Linux termios read just before, changing
    /// only what has a name on both sides. Returns the speed code to set.</summary>
    public static uint Apply(Termios termios, Span<byte> linux)
    {
        var words = new[] { (uint)termios.Input, (uint)termios.Output, (uint)termios.Control, (uint)termios.Local };
        foreach (var (_, word, illumos, linuxMask) in Flags)
        {
            var set = words[(int)word / 4] & illumos;
            var bits = illumos == linuxMask ? set : set != 0 ? linuxMask : 0;
            Write(linux, word, (Read(linux, word) & ~linuxMask) | bits);
        }
        foreach (var (illumos, index) in Chars) linux[CcOffset + index] = termios[illumos];
        if (termios.IsCanonical)
        {
            linux[CcOffset + LinuxVEof] = termios[ControlChar.VEOF];
            linux[CcOffset + LinuxVEol] = termios[ControlChar.VEOL];
        }
        else
        {
            linux[CcOffset + LinuxVMin] = termios[ControlChar.VMIN];
            linux[CcOffset + LinuxVTime] = termios[ControlChar.VTIME];
        }
        return termios.Speed;
    }

    private static uint Read(ReadOnlySpan<byte> linux, Word word) => BinaryPrimitives.ReadUInt32LittleEndian(linux[(int)word..]);

    private static void Write(Span<byte> linux, Word word, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(linux[(int)word..], value);
}
