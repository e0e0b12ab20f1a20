using System.Runtime.InteropServices;

namespace Ptm.Actors.TestKit.Scenarios.Linux;

/// <summary>
/// The libc entry points and constants the Linux oracle and the kernel-pty bench baselines
/// need: x86_64 Linux values (glibc, asm-generic ioctls). Buffers travel as <c>ref byte</c>, so
/// spans pass without unsafe code or copies (the marshaller pins the element for the call). A
/// libc that cannot be loaded surfaces as DllNotFoundException.
/// </summary>
internal static class LinuxLibC
{
    private const string Library = "libc";

    public const int O_RDWR = 0x2, O_NOCTTY = 0x100, O_NONBLOCK = 0x800;
    public const int EINTR = 4, EIO = 5, EAGAIN = 11;
    public const short POLLIN = 0x1, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10;
    public const int TCSANOW = 0, TCSADRAIN = 1, TCSAFLUSH = 2;

    // asm-generic/ioctls.h.
    public const uint TCSBRK = 0x5409, TCXONC = 0x540A, TCFLSH = 0x540B, TIOCSTI = 0x5412;
    public const uint TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541B;

    /// <summary>sizeof(struct termios) in glibc on x86_64: 4 flag words, c_line, c_cc[32], 2 speeds.</summary>
    public const int TermiosSize = 60;

    /// <summary>A termios buffer generous enough that no libc's layout can overrun it (the bench treats it as opaque).</summary>
    public const int TermiosBufferSize = 256;

    [DllImport(Library, SetLastError = true)]
    public static extern int posix_openpt(int flags);

    /// <summary>open(2) with a NUL-terminated path in bytes, so a loop of opens allocates no strings.</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern int open(ref byte path, int flags);

    [DllImport(Library, SetLastError = false)]
    public static extern void cfmakeraw(ref byte termios);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport(Library, SetLastError = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern int close(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern nint read(int fd, ref byte buffer, nuint count);

    [DllImport(Library, SetLastError = true)]
    public static extern nint write(int fd, ref byte buffer, nuint count);

    [DllImport(Library, SetLastError = true)]
    public static extern int poll([In, Out] PollFd[] fds, nuint count, int timeoutMs);

    [DllImport(Library, SetLastError = true)]
    public static extern int grantpt(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern int unlockpt(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern int ptsname_r(int fd, ref byte buffer, nuint length);

    [DllImport(Library, SetLastError = true)]
    public static extern int isatty(int fd);

    /// <summary>ioctl(2) whose argument is an integer passed by value (TCSBRK, TCXONC, TCFLSH).</summary>
    [DllImport(Library, SetLastError = true, EntryPoint = "ioctl")]
    public static extern int ioctl_value(int fd, nuint request, nint argument);

    /// <summary>ioctl(2) whose argument points at a buffer (TIOCSTI, TIOCGWINSZ, TIOCSWINSZ, FIONREAD).</summary>
    [DllImport(Library, SetLastError = true, EntryPoint = "ioctl")]
    public static extern int ioctl_buffer(int fd, nuint request, ref byte argument);

    [DllImport(Library, SetLastError = true)]
    public static extern int tcgetattr(int fd, ref byte termios);

    [DllImport(Library, SetLastError = true)]
    public static extern int tcsetattr(int fd, int optionalActions, ref byte termios);

    [DllImport(Library)]
    public static extern uint cfgetospeed(ref byte termios);

    [DllImport(Library, SetLastError = true)]
    public static extern int cfsetospeed(ref byte termios, uint speed);

    [DllImport(Library, SetLastError = true)]
    public static extern int cfsetispeed(ref byte termios, uint speed);

    public static int LastError => Marshal.GetLastPInvokeError();
}
