using System.Runtime.InteropServices;

namespace Ptm.Actors.Cli.Bench.Os;

/// <summary>
/// The few libc entry points the real-pty baseline needs (Linux). Buffers travel as
/// <c>ref byte</c> so callers pass spans without unsafe code and without copying: the
/// marshaller pins the referenced element for the duration of the call. A libc that cannot
/// be loaded surfaces as DllNotFoundException, which <see cref="OsPtyProbe"/> reports as
/// "no usable pty" rather than a crash.
/// </summary>
internal static class LibC
{
    private const string Library = "libc";

    // Linux values, identical on x86_64 and arm64.
    public const int O_RDWR = 0x2;
    public const int O_NOCTTY = 0x100;
    public const int TCSANOW = 0;
    public const int EINTR = 4;
    public const int EIO = 5;

    /// <summary>
    /// struct termios is 60 bytes on glibc/x86_64; the buffer is opaque and generous so
    /// no libc's layout can overrun it.
    /// </summary>
    public const int TermiosBufferSize = 256;

    [DllImport(Library, SetLastError = true)]
    public static extern int posix_openpt(int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern int grantpt(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern int unlockpt(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern int ptsname_r(int fd, ref byte buffer, nuint length);

    /// <summary>open(2) with a NUL-terminated path in bytes, so the open/close loop allocates no strings.</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern int open(ref byte path, int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern nint read(int fd, ref byte buffer, nuint count);

    [DllImport(Library, SetLastError = true)]
    public static extern nint write(int fd, ref byte buffer, nuint count);

    [DllImport(Library, SetLastError = true)]
    public static extern int close(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern int tcgetattr(int fd, ref byte termios);

    [DllImport(Library, SetLastError = true)]
    public static extern int tcsetattr(int fd, int optionalActions, ref byte termios);

    [DllImport(Library, SetLastError = false)]
    public static extern void cfmakeraw(ref byte termios);

    public static int LastError => Marshal.GetLastPInvokeError();
}
