using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using static Ptm.Actors.TestKit.Scenarios.Linux.LinuxLibC;

namespace Ptm.Actors.TestKit.Scenarios.Linux;

/// <summary>
/// The scenario target over this machine's real Linux pty, through libc: the oracle that
/// checks the terminal specs (M4.7) against a line discipline nobody here wrote. Descriptors
/// handed to the runner are the target's own numbers, never reused, so a closed handle stays
/// EBADF even after the kernel reuses its number. Every call runs on a thread of its own (a
/// blocking read blocks that thread only); steps Linux cannot answer are skipped
/// (<see cref="LinuxSkips"/>). Idleness cannot be seen on a kernel, so
/// <see cref="WhenIdleAsync()"/> waits for conditions instead (LinuxScenarioTarget.Idle.cs).
/// </summary>
internal sealed partial class LinuxScenarioTarget : IScenarioTarget
{
    private const int NameLength = 64;
    private readonly object _gate = new();
    private readonly Dictionary<int, LinuxFile> _files = new();
    private int _nextFd = 3;

    private LinuxScenarioTarget() { }

    /// <summary>A fresh target; the seed is ignored (the kernel has no deterministic dispatcher).</summary>
    public static IScenarioTarget Create(int? seed) => new LinuxScenarioTarget();

    /// <summary>True on Linux x86_64, the only platform whose values this target carries.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    public IReadOnlyList<string> Leftovers => [];

    public IReadOnlyList<string> Trace => [];

    public string? SkipReason(Step step, ScenarioCredentials who) => LinuxSkips.Reason(step, who);

    public Task<CallResult> OpenAsync(string path, ScenarioOpenFlags flags, ScenarioCredentials who) =>
        Run(() => Open(path, flags, path == "/dev/ptmx"));

    public Task<CallResult> OpenSubsidiaryOfAsync(int managerFd, ScenarioOpenFlags flags, ScenarioCredentials who) => Run(() =>
    {
        var name = Ptsname(managerFd, NameLength);
        return name.Errno != 0 ? name : Open(name.Text!, flags, manager: false);
    });

    public Task<CallResult> CloseAsync(int fd, ScenarioCredentials who) => Run(() =>
    {
        LinuxFile? file;
        lock (_gate)
        {
            if (!_files.TryGetValue(fd, out file) || file.Closed) return Fail(9);
            file.Closed = true;
        }
        return close(file.Fd) == 0 ? Ok() : Fail(LastError);
    });

    public Task<CallResult> ReadAsync(int fd, int count, ScenarioCredentials who) => OnFile(fd, file =>
    {
        if (count < 0) return Fail(22);
        var buffer = new byte[Math.Max(count, 1)];
        var n = Retry(() => read(file.Fd, ref buffer[0], (nuint)count));
        return n < 0 ? Fail(LastError) : new CallResult(n, 0, buffer.AsSpan(0, (int)n).ToArray());
    });

    public Task<CallResult> WriteAsync(int fd, byte[] data, ScenarioCredentials who) => OnFile(fd, file =>
    {
        var buffer = data.Length == 0 ? new byte[1] : data;
        var n = Retry(() => write(file.Fd, ref buffer[0], (nuint)data.Length));
        return n < 0 ? Fail(LastError) : new CallResult(n, 0);
    });

    public Task<CallResult> IoctlAsync(int fd, string name, long[] args, ScenarioCredentials who) =>
        Task.FromResult(Fail(22)); // skipped before it gets here (LinuxSkips)

    public Task<CallResult> IoctlWithReplyAsync(int fd, string name, byte[]? payload, ScenarioCredentials who) =>
        OnFile(fd, file => name switch
        {
            "TCGETS" => GetTermios(file.Fd),
            "TCSETS" => SetTermios(file.Fd, TCSANOW, payload),
            "TCSETSW" => SetTermios(file.Fd, TCSADRAIN, payload),
            "TCSETSF" => SetTermios(file.Fd, TCSAFLUSH, payload),
            "TCSBRK" => ValueIoctl(file.Fd, TCSBRK, payload),
            "TCXONC" => ValueIoctl(file.Fd, TCXONC, payload),
            "TCFLSH" => ValueIoctl(file.Fd, TCFLSH, payload),
            "TIOCSTI" when payload is { Length: 1 } => BufferIoctl(file.Fd, TIOCSTI, payload, reply: false),
            "TIOCGWINSZ" => BufferIoctl(file.Fd, TIOCGWINSZ, new byte[WindowSize.Length], reply: true),
            "TIOCSWINSZ" when payload is { Length: WindowSize.Length } => BufferIoctl(file.Fd, TIOCSWINSZ, payload, reply: false),
            _ => Fail(22),
        });

    public Task<CallResult> SignalsAsync(int fd, ScenarioCredentials who) => Task.FromResult(Fail(22)); // skipped (LinuxSkips)

    public Task<CallResult> FlushAsync(int fd, int flushBits, ScenarioCredentials who) => Task.FromResult(Fail(22));

    public Task<CallResult> PollAsync(int fd, ScenarioCredentials who) => OnFile(fd, file =>
    {
        var fds = new[] { new PollFd { Fd = file.Fd, Events = POLLIN | POLLOUT } };
        if (poll(fds, 1, 0) < 0) return Fail(LastError);
        return new CallResult(PollBitsOf(fds[0].Revents), 0);
    });

    public Task<CallResult> GrantptAsync(int fd, ScenarioCredentials who) => OnFile(fd, file => grantpt(file.Fd) == 0 ? Ok() : Fail(LastError));

    public Task<CallResult> UnlockptAsync(int fd, ScenarioCredentials who) => OnFile(fd, file => unlockpt(file.Fd) == 0 ? Ok() : Fail(LastError));

    public Task<CallResult> PtsnameAsync(int fd, ScenarioCredentials who) => Run(() => Ptsname(fd, NameLength));

    public Task<CallResult> PtsnameRAsync(int fd, int? bufferLength, ScenarioCredentials who) => Run(() => Ptsname(fd, bufferLength));

    public Task<CallResult> IsattyAsync(int fd, ScenarioCredentials who) =>
        Run(() => new CallResult(File(fd) is { } file && isatty(file.Fd) == 1 ? 1 : 0, 0));

    public Task<CallResult> StatAsync(string path, ScenarioCredentials who) => Task.FromResult(Fail(22));

    public Task<CallResult> CrashAsync(int fd) => Task.FromResult(Fail(22));

    public Task<CallResult> TuneAsync(string tunable, long value) => Task.FromResult(Fail(22));

    public Task<CallResult> PutmsgAsync(int fd, byte[]? control, byte[]? data, ScenarioCredentials who) => Task.FromResult(Fail(22));

    public Task<CallResult> GetmsgAsync(int fd, int controlLength, int dataLength, ScenarioCredentials who) => Task.FromResult(Fail(22));

    /// <summary>`sleep S` is a real sleep here: the kernel's timers (VTIME) run on the wall clock.</summary>
    public Task AdvanceClockAsync(TimeSpan by) => Task.Delay(by);

    public ValueTask DisposeAsync()
    {
        // Closing every end hangs the rest up, so threads still blocked in a read or write return.
        lock (_gate)
            foreach (var file in _files.Values)
                if (!file.Closed) { file.Closed = true; close(file.Fd); }
        return ValueTask.CompletedTask;
    }

    private CallResult Open(string path, ScenarioOpenFlags flags, bool manager)
    {
        // Always O_NOCTTY: the runner's process must never gain a controlling terminal (a
        // hang-up would send it SIGHUP), and ISIG must find no process group to signal.
        var nonBlocking = (flags & (ScenarioOpenFlags.NonBlock | ScenarioOpenFlags.NDelay)) != 0;
        var fd = open(path, O_RDWR | O_NOCTTY | (nonBlocking ? O_NONBLOCK : 0));
        if (fd < 0) return Fail(LastError);
        lock (_gate)
        {
            var handle = _nextFd++;
            _files[handle] = new LinuxFile(fd, manager);
            return new CallResult(handle, 0);
        }
    }

    private CallResult Ptsname(int fd, int? length)
    {
        if (File(fd) is not { } file) return Fail(9);
        // A null buffer is EINVAL without asking libc: this glibc writes through it and crashes.
        if (length is not { } size) return Fail(22);
        var buffer = new byte[Math.Max(size, 1)];
        var status = ptsname_r(file.Fd, ref buffer[0], (nuint)size);
        if (status != 0) return Fail(status > 0 ? status : LastError); // glibc returns the errno
        return new CallResult(0, 0, Text: Encoding.ASCII.GetString(buffer, 0, Array.IndexOf(buffer, (byte)0)));
    }

    private static CallResult GetTermios(int fd)
    {
        var linux = new byte[TermiosSize];
        if (tcgetattr(fd, ref linux[0]) != 0) return Fail(LastError);
        return new CallResult(0, 0, LinuxTermios.ToIllumos(linux, cfgetospeed(ref linux[0])).ToBytes());
    }

    private static CallResult SetTermios(int fd, int when, byte[]? payload)
    {
        if (!Termios.TryParse(payload, out var termios)) return Fail(22);
        var linux = new byte[TermiosSize];
        if (tcgetattr(fd, ref linux[0]) != 0) return Fail(LastError);
        var speed = LinuxTermios.Apply(termios, linux);
        if (cfsetospeed(ref linux[0], speed) != 0 || cfsetispeed(ref linux[0], speed) != 0) return Fail(LastError);
        return Retry(() => tcsetattr(fd, when, ref linux[0])) == 0 ? Ok() : Fail(LastError);
    }

    /// <summary>TCSBRK, TCXONC, TCFLSH: the payload's int32 is passed by value, as Linux expects.</summary>
    private static CallResult ValueIoctl(int fd, uint request, byte[]? payload)
    {
        if (payload is not { Length: 4 }) return Fail(22);
        var argument = BinaryPrimitives.ReadInt32LittleEndian(payload);
        return Retry(() => ioctl_value(fd, request, argument)) == 0 ? Ok() : Fail(LastError);
    }

    private static CallResult BufferIoctl(int fd, uint request, byte[] buffer, bool reply)
    {
        var copy = (byte[])buffer.Clone();
        if (ioctl_buffer(fd, request, ref copy[0]) != 0) return Fail(LastError);
        return new CallResult(0, 0, reply ? copy : null);
    }

    private static long PollBitsOf(short revents) =>
        ((revents & POLLIN) != 0 ? PollBits.In : 0) | ((revents & POLLOUT) != 0 ? PollBits.Out : 0) |
        ((revents & POLLERR) != 0 ? PollBits.Err : 0) | ((revents & POLLHUP) != 0 ? PollBits.Hup : 0);

    /// <summary>Restarts a call interrupted by a signal (the runtime's own signals can reach any thread).</summary>
    private static long Retry(Func<long> call)
    {
        while (true)
        {
            var result = call();
            if (result >= 0 || LastError != EINTR) return result;
        }
    }

    private LinuxFile? File(int fd)
    {
        lock (_gate) return _files.TryGetValue(fd, out var file) && !file.Closed ? file : null;
    }

    private Task<CallResult> OnFile(int fd, Func<LinuxFile, CallResult> call) => Run(() => File(fd) is { } file ? call(file) : Fail(9));

    private static CallResult Ok() => new(0, 0);

    /// <summary>Linux errno numbers: the subsystem's Errno enum uses the same ones.</summary>
    private static CallResult Fail(int errno) => new(-1, errno);
}

/// <summary>One descriptor of the oracle: the kernel's fd and which side of its pty it is.</summary>
internal sealed class LinuxFile(int fd, bool isManager)
{
    public int Fd { get; } = fd;
    public bool IsManager { get; } = isManager;
    public volatile bool Closed;
}
