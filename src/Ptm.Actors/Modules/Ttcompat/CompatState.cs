using System.Buffers.Binary;

namespace Ptm.Actors.Modules;

/*
 * The V7/4.3BSD view of a terminal that ttcompat translates to and from termios (6.4): struct
 * sgttyb (speeds, erase, kill, the mode word), struct tchars, and the mode word's bits (ttold.h).
 * ToCompat reads a termios into this state; FromCompat writes the state back into a termios the
 * way ttcompat's from_compat does: the termios bits the old interface can express are rebuilt
 * from the mode word, the rest of the termios is kept only where illumos keeps it. Not modelled
 * (the simulation has no such hardware): the extended speeds above B38400 and the CR, NL, BS, VT
 * and FF output delays (NL1's ONLRET, the tty37 newline, is a mode and is kept).
 */

/// <summary>ttcompat's idea of the terminal in V7/4.3BSD terms, kept between ioctls as illumos keeps t_curstate.</summary>
internal sealed partial class CompatState
{
    /// <summary>sizeof(struct sgttyb) on illumos: four chars and an int mode word (System V widened sg_flags).</summary>
    public const int SgttybLength = 8;

    /// <summary>sizeof(struct tchars): six characters.</summary>
    public const int TcharsLength = 6;

    // ttold.h mode bits: the low 16 travel in sg_flags, the high 16 are the BSD local mode word.
    public const int Tandem = 0x1, Cbreak = 0x2, Lcase = 0x4, Echo = 0x8, Crmod = 0x10, Raw = 0x20;
    public const int OddParity = 0x40, EvenParity = 0x80, TabDelay = 0xc00, Tab1 = 0x400, Tab2 = 0x800, Xtabs = 0xc00;
    public const int NewlineDelay = 0x300, Nl1 = 0x100; // NL1 without CRMOD is the tty37's newline: ONLRET (its CR1 delay is not modelled)
    public const int CrtBs = 0x10000, PrtEra = 0x20000, CrtEra = 0x40000, LitOut = 0x200000, ToStop = 0x400000;
    public const int FlushO = 0x800000, NoHang = 0x1000000, CrtKil = 0x4000000, Pass8 = 0x8000000;
    public const int CtlEch = 0x10000000, PendIn = 0x20000000, DecCtq = 0x40000000, NoFlsh = unchecked((int)0x80000000);

    // t_xflags: what the mode word cannot say.
    private const int NoPost = 0x1, NoIsig = 0x2, StopBits = 0x4;

    // termios bits the enums of Terminal/ do not name (illumos sys/termios.h).
    private const uint Cs7 = 0x20, CiBaud = 0xf0000, CrtsCts = 0x80000000, CrtsXoff = 0x40000000, ParExt = 0x100000, LoBlk = 0x8000;
    private const int IbShift = 16, VStatus = 16;
    private const uint B110 = 3;

    public byte ISpeed, OSpeed, Erase, Kill;
    public int Flags, XFlags;
    public byte Intr, Quit, Start, Stop, Eof, Brk, Susp, DSusp, Reprint, Discard, WErase, LNext;

    public byte[] ToSgttyb()
    {
        var bytes = new byte[SgttybLength];
        bytes[0] = ISpeed;
        bytes[1] = OSpeed;
        bytes[2] = Erase;
        bytes[3] = Kill;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Flags);
        return bytes;
    }

    public byte[] ToTchars() => [Intr, Quit, Start, Stop, Eof, Brk];

    /// <summary>TIOCSETP/TIOCSETN: speeds, erase, kill and the low 16 bits of the mode word come from the caller.</summary>
    public void MergeSgttyb(ReadOnlySpan<byte> sgttyb)
    {
        ISpeed = sgttyb[0];
        OSpeed = sgttyb[1];
        Erase = sgttyb[2];
        Kill = sgttyb[3];
        Flags = (int)(((uint)Flags & 0xffff0000) | (BinaryPrimitives.ReadUInt32LittleEndian(sgttyb[4..]) & 0xffff));
    }

    /// <summary>TIOCSETC: the six characters of struct tchars.</summary>
    public void MergeTchars(ReadOnlySpan<byte> tchars) => (Intr, Quit, Start, Stop, Eof, Brk) = (tchars[0], tchars[1], tchars[2], tchars[3], tchars[4], tchars[5]);

    /// <summary>A disabled termios character (0) is 0377 in the old interface, and back.</summary>
    private static byte ToOld(byte c) => c == 0 ? (byte)0xff : c;

    private static byte FromOld(byte c) => c == 0xff ? (byte)0 : c;

    private bool Has(int flag) => (Flags & flag) != 0;
}
