using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Ptm.Actors;

/// <summary>
/// struct termios as TCGETS reads and TCSETS writes it: four mode words and NCCS control
/// characters, in illumos' layout. Immutable: change one with <c>with</c> or the helpers.
/// </summary>
public sealed record Termios(InputModes Input, OutputModes Output, ControlModes Control, LocalModes Local, ImmutableArray<byte> ControlChars)
{
    /// <summary>NCCS: illumos has 19 control characters.</summary>
    public const int ControlCharCount = 19;

    /// <summary>_POSIX_VDISABLE: a control character set to 0 is disabled.</summary>
    public const byte Disabled = 0;

    /// <summary>sizeof(struct termios): 4 mode words, 19 characters, padded to 36.</summary>
    public const int Length = 36;

    /// <summary>sizeof(struct termio), TCGETA's older layout: 4 short mode words, c_line, 8 characters, padded to 18.</summary>
    public const int TermioLength = 18;

    /// <summary>
    /// M4.3: illumos' default "ttymodes" property (2502:1805:800000bd:8a3b:3:1c:7f:15:4:0:0:0:11:13:1a:19:12:f:17:16):
    /// BRKINT|ICRNL|IXON|IMAXBEL, OPOST|ONLCR|TAB3, B9600|CS8|CREAD, ISIG|ICANON|ECHO|ECHOE|ECHOK|ECHOCTL|ECHOKE|IEXTEN;
    /// INTR ^C, QUIT ^\, ERASE DEL, KILL ^U, EOF ^D, START ^Q, STOP ^S, SUSP ^Z, DSUSP ^Y, REPRINT ^R, DISCARD ^O, WERASE ^W, LNEXT ^V.
    /// </summary>
    public static readonly Termios Default = new(
        (InputModes)0x2502, (OutputModes)0x1805, (ControlModes)0x800000bd, (LocalModes)0x8a3b,
        ImmutableArray.Create<byte>(0x03, 0x1c, 0x7f, 0x15, 0x04, 0, 0, 0, 0x11, 0x13, 0x1a, 0x19, 0x12, 0x0f, 0x17, 0x16, 0, 0, 0));

    /// <summary>One control character (VMIN and VTIME included).</summary>
    public byte this[ControlChar index] => ControlChars[(int)index];

    /// <summary>A copy with one control character changed.</summary>
    public Termios With(ControlChar index, byte value) => this with { ControlChars = ControlChars.SetItem((int)index, value) };

    /// <summary>The output speed code (CBAUD bits of c_cflag; B0 hangs up, M3.4).</summary>
    public uint Speed => (uint)(Control & ControlModes.CBAUD);

    /// <summary>Canonical input (ICANON).</summary>
    public bool IsCanonical => (Local & LocalModes.ICANON) != 0;

    /// <summary>The TCGETS/TCSETS payload.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0), (uint)Input);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)Output);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)Control);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), (uint)Local);
        ControlChars.AsSpan().CopyTo(bytes.AsSpan(16));
        return bytes;
    }

    /// <summary>Parses a TCSETS payload; false when it is too short (EINVAL).</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out Termios termios)
    {
        termios = Default;
        if (bytes.Length < 16 + ControlCharCount) return false;
        termios = new Termios(
            (InputModes)BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            (OutputModes)BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]),
            (ControlModes)BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]),
            (LocalModes)BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]),
            ImmutableArray.Create(bytes.Slice(16, ControlCharCount).ToArray()));
        return true;
    }

    /// <summary>The TCGETA payload (struct termio): the low 16 bits of each mode word and the first 8 characters.</summary>
    public byte[] ToTermioBytes()
    {
        var bytes = new byte[TermioLength];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0), (ushort)Input);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), (ushort)Output);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), (ushort)Control);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), (ushort)Local);
        ControlChars.AsSpan(0, 8).CopyTo(bytes.AsSpan(9));
        return bytes;
    }

    /// <summary>
    /// TCSETA: a struct termio merged into this termios. The low 16 bits of each mode word and the
    /// first 8 characters come from the payload; the rest is kept (M3.3).
    /// </summary>
    public bool TryMergeTermio(ReadOnlySpan<byte> bytes, out Termios merged)
    {
        merged = this;
        if (bytes.Length < 17) return false;
        static uint Merge(uint old, ushort low) => (old & 0xffff0000u) | low;
        var chars = ControlChars.ToBuilder();
        for (var i = 0; i < 8; i++) chars[i] = bytes[9 + i];
        merged = new Termios(
            (InputModes)Merge((uint)Input, BinaryPrimitives.ReadUInt16LittleEndian(bytes)),
            (OutputModes)Merge((uint)Output, BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..])),
            (ControlModes)Merge((uint)Control, BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..])),
            (LocalModes)Merge((uint)Local, BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..])),
            chars.ToImmutable());
        return true;
    }

    /// <summary>Equal when the modes and every control character are equal (a record would compare the arrays by reference).</summary>
    public bool Equals(Termios? other) =>
        other is not null && Input == other.Input && Output == other.Output && Control == other.Control && Local == other.Local &&
        ControlChars.AsSpan().SequenceEqual(other.ControlChars.AsSpan());

    /// <summary>A hash of the mode words; the control characters are left out, which equal values still agree on.</summary>
    public override int GetHashCode() => HashCode.Combine(Input, Output, Control, Local);
}
