using Ptm.Actors.TestKit.Scenarios.Linux;
using System.Runtime.InteropServices;
using System.Text;

namespace Ptm.Actors.Cli.Bench.Os;

/// <summary>
/// One real kernel pseudo-terminal: the manager from posix_openpt, the subsidiary opened by
/// the path ptsname_r gives after grantpt and unlockpt, the same sequence the simulation
/// models. Reads and writes block; callers put blocking reads on dedicated threads.
/// </summary>
internal sealed class OsPtyPair : IDisposable
{
    /// <summary>"/dev/pts/N" plus NUL fits easily; ptsname_r says ERANGE if not.</summary>
    private const int NameBufferSize = 64;

    private int _manager;
    private int _subsidiary;

    private OsPtyPair(int manager, int subsidiary, string subsidiaryPath)
    {
        _manager = manager;
        _subsidiary = subsidiary;
        SubsidiaryPath = subsidiaryPath;
    }

    public int Manager => _manager;
    public int Subsidiary => _subsidiary;
    public string SubsidiaryPath { get; }

    /// <summary>Opens a pair; throws <see cref="OsPtyException"/> naming the failing call.</summary>
    public static OsPtyPair Open()
    {
        Span<byte> name = stackalloc byte[NameBufferSize];
        var manager = OpenManager(name);
        var subsidiary = LinuxLibC.open(ref MemoryMarshal.GetReference(name), LinuxLibC.O_RDWR | LinuxLibC.O_NOCTTY);
        if (subsidiary < 0)
        {
            var errno = LinuxLibC.LastError;
            LinuxLibC.close(manager);
            throw new OsPtyException("open subsidiary", errno);
        }
        var length = name.IndexOf((byte)0);
        return new OsPtyPair(manager, subsidiary, Encoding.ASCII.GetString(name[..length]));
    }

    /// <summary>
    /// posix_openpt, grantpt, unlockpt, open the subsidiary, close both: the unit the
    /// open/close baseline counts. Allocation-free: the name lives in the caller's buffer.
    /// </summary>
    public static void OpenAndClose(Span<byte> nameBuffer)
    {
        var manager = OpenManager(nameBuffer);
        var subsidiary = LinuxLibC.open(ref MemoryMarshal.GetReference(nameBuffer), LinuxLibC.O_RDWR | LinuxLibC.O_NOCTTY);
        var errno = LinuxLibC.LastError;
        if (subsidiary >= 0) LinuxLibC.close(subsidiary);
        LinuxLibC.close(manager);
        if (subsidiary < 0) throw new OsPtyException("open subsidiary", errno);
    }

    /// <summary>Leaves the subsidiary's NUL-terminated path in <paramref name="name"/>.</summary>
    private static int OpenManager(Span<byte> name)
    {
        var manager = LinuxLibC.posix_openpt(LinuxLibC.O_RDWR | LinuxLibC.O_NOCTTY);
        if (manager < 0) throw new OsPtyException("posix_openpt", LinuxLibC.LastError);
        string? failed = null;
        if (LinuxLibC.grantpt(manager) != 0) failed = "grantpt";
        else if (LinuxLibC.unlockpt(manager) != 0) failed = "unlockpt";
        else if (LinuxLibC.ptsname_r(manager, ref MemoryMarshal.GetReference(name), (nuint)name.Length) != 0) failed = "ptsname_r";
        if (failed is null) return manager;
        var errno = LinuxLibC.LastError;
        LinuxLibC.close(manager);
        throw new OsPtyException(failed, errno);
    }

    /// <summary>
    /// cfmakeraw on the subsidiary: no echo, no canonical lines, no signals, no CR/NL
    /// translation, so every byte crosses unchanged and a one-byte read returns at once.
    /// </summary>
    public void MakeSubsidiaryRaw()
    {
        Span<byte> termios = stackalloc byte[LinuxLibC.TermiosBufferSize];
        termios.Clear();
        ref var t = ref MemoryMarshal.GetReference(termios);
        if (LinuxLibC.tcgetattr(_subsidiary, ref t) != 0) throw new OsPtyException("tcgetattr", LinuxLibC.LastError);
        LinuxLibC.cfmakeraw(ref t);
        if (LinuxLibC.tcsetattr(_subsidiary, LinuxLibC.TCSANOW, ref t) != 0) throw new OsPtyException("tcsetattr", LinuxLibC.LastError);
    }

    /// <summary>
    /// Canonical mode with echo off on the subsidiary: the kernel's defaults with the bits of
    /// <see cref="CookedLines"/> set and cleared, the modes the simulation's cooked bench uses.
    /// glibc's struct termios starts with the four tcflag_t words (iflag, oflag, cflag, lflag).
    /// </summary>
    public void MakeSubsidiaryCooked()
    {
        Span<byte> termios = stackalloc byte[LinuxLibC.TermiosBufferSize];
        termios.Clear();
        ref var t = ref MemoryMarshal.GetReference(termios);
        if (LinuxLibC.tcgetattr(_subsidiary, ref t) != 0) throw new OsPtyException("tcgetattr", LinuxLibC.LastError);
        var flags = MemoryMarshal.Cast<byte, uint>(termios[..16]);
        flags[0] = (flags[0] | CookedLines.InputSet) & ~CookedLines.InputClear;
        flags[1] = (flags[1] | CookedLines.OutputSet) & ~CookedLines.OutputClear;
        flags[3] = (flags[3] | CookedLines.LocalSet) & ~CookedLines.LocalClear;
        if (LinuxLibC.tcsetattr(_subsidiary, LinuxLibC.TCSANOW, ref t) != 0) throw new OsPtyException("tcsetattr", LinuxLibC.LastError);
    }

    /// <summary>
    /// Reads what is available (blocking until at least one byte). Returns 0 at end of
    /// stream, which includes EIO: Linux reports a hung-up pty side that way.
    /// </summary>
    public static int ReadSome(int fd, Span<byte> buffer)
    {
        while (true)
        {
            var n = LinuxLibC.read(fd, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
            if (n >= 0) return (int)n;
            var errno = LinuxLibC.LastError;
            if (errno == LinuxLibC.EINTR) continue;
            if (errno == LinuxLibC.EIO) return 0;
            throw new OsPtyException("read", errno);
        }
    }

    /// <summary>Writes every byte (blocking on flow control); false if the peer hung up (EIO).</summary>
    public static bool WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var n = LinuxLibC.write(fd, ref MemoryMarshal.GetReference(data), (nuint)data.Length);
            if (n > 0) { data = data[(int)n..]; continue; }
            var errno = LinuxLibC.LastError;
            if (n < 0 && errno == LinuxLibC.EINTR) continue;
            if (n < 0 && errno == LinuxLibC.EIO) return false;
            throw new OsPtyException("write", n < 0 ? errno : LinuxLibC.EIO);
        }
        return true;
    }

    /// <summary>Closing the manager hangs up the subsidiary, which unblocks its readers.</summary>
    public void CloseManager() => CloseOnce(ref _manager);

    public void CloseSubsidiary() => CloseOnce(ref _subsidiary);

    private static void CloseOnce(ref int fd)
    {
        var open = Interlocked.Exchange(ref fd, -1);
        if (open >= 0) LinuxLibC.close(open);
    }

    public void Dispose()
    {
        CloseManager();
        CloseSubsidiary();
    }
}
