using Ptm.Actors.Pty;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Ptm.Actors.Tests.Support;

/// <summary>
/// A pty system on the deterministic dispatcher, driven from the test thread: calls are started
/// (their Tasks return at once), then <see cref="Settle"/> runs the actors to quiescence, then
/// the result is checked. Nothing ever waits on an incomplete Task.
/// </summary>
internal sealed class DeterministicPty : IDisposable
{
    private readonly List<int> _opened = new();

    private readonly ActorFailures _failures = new();

    public DeterministicPty(int seed = 1, PtySystemOptions? options = null) =>
        System = PtySystem.Create(
            (options ?? new PtySystemOptions()) with { DeterministicSeed = seed, RecordTrace = false },
            new LoggerConfiguration().MinimumLevel.Warning().WriteTo.Sink(_failures).CreateLogger());

    /// <summary>Actor failures other than injected crashes (PD13): any is a bug, even if the test's own checks passed.</summary>
    public IReadOnlyList<string> UnexpectedActorFailures => _failures.Snapshot();

    public PtySystem System { get; }
    public PosixApi Posix => System.Posix;

    /// <summary>Runs the actors to quiescence; an actor that failed on its own (not an injected crash) fails the test here.</summary>
    public void Settle()
    {
        System.WhenIdleAsync().GetAwaiter().GetResult();
        if (_failures.Snapshot() is { Count: > 0 } failures)
            throw new Xunit.Sdk.XunitException("an actor failed: " + failures[0]);
    }

    /// <summary>Runs the system idle; the call must have completed by then.</summary>
    public SysResult Run(Task<SysResult> call)
    {
        Settle();
        Assert.True(call.IsCompleted, "the call is still pending although the system is idle");
        return call.Result;
    }

    public long Ok(Task<SysResult> call)
    {
        var result = Run(call);
        Assert.True(result.IsOk, $"expected success, got {result.Errno}");
        return result.Value;
    }

    public void Fails(Errno expected, Task<SysResult> call) => Assert.Equal(expected, Run(call).Errno);

    public int OpenManager(OpenFlags flags = OpenFlags.None)
    {
        var fd = (int)Ok(Posix.posix_openpt(flags));
        _opened.Add(fd);
        return fd;
    }

    public string PathOf(int manager) => Posix.SubsidiaryPathOf(manager) ?? throw new InvalidOperationException("not a manager");

    /// <summary>grantpt, unlockpt, open (C10).</summary>
    public int OpenSubsidiary(int manager, OpenFlags flags = OpenFlags.None)
    {
        Ok(Posix.grantpt(manager));
        Ok(Posix.unlockpt(manager));
        return Reopen(manager, flags);
    }

    /// <summary>Another open of the manager's /dev/pts/N, without grant or unlock.</summary>
    public int Reopen(int manager, OpenFlags flags = OpenFlags.None)
    {
        var fd = (int)Ok(Posix.Open(PathOf(manager), flags));
        _opened.Add(fd);
        return fd;
    }

    public (int Manager, int Subsidiary) OpenPair(OpenFlags managerFlags = OpenFlags.None, OpenFlags subsidiaryFlags = OpenFlags.None)
    {
        var manager = OpenManager(managerFlags);
        return (manager, OpenSubsidiary(manager, subsidiaryFlags));
    }

    /// <summary>Remembers a descriptor opened without this helper, so Dispose closes it.</summary>
    public int Track(int fd)
    {
        _opened.Add(fd);
        return fd;
    }

    public int Write(int fd, byte[] data) => (int)Ok(Posix.Write(fd, data));

    public int Write(int fd, string text) => Write(fd, Bytes.Of(text));

    /// <summary>A read that must complete now: the bytes it returned (empty at end of file).</summary>
    public byte[] Read(int fd, int count = 65536)
    {
        var buffer = new byte[count];
        var n = (int)Ok(Posix.Read(fd, buffer));
        return buffer[..n];
    }

    public string ReadText(int fd, int count = 65536) => Bytes.Text(Read(fd, count));

    /// <summary>Reads a nonblocking descriptor until EAGAIN or end of file.</summary>
    public byte[] Drain(int fd)
    {
        var all = new List<byte>();
        while (true)
        {
            var buffer = new byte[65536];
            var result = Run(Posix.Read(fd, buffer));
            if (!result.IsOk)
            {
                Assert.Equal(Errno.EAGAIN, result.Errno);
                return all.ToArray();
            }
            if (result.Value == 0) return all.ToArray();
            all.AddRange(buffer.AsSpan(0, (int)result.Value).ToArray());
        }
    }

    public PollEvents Poll(int fd) => (PollEvents)Ok(Posix.Poll(fd));

    public void Close(int fd) => Ok(Posix.Close(fd));

    /// <summary>Closes what is still open, so DisposeAsync needs no further turns, then shuts the actors down.</summary>
    public void Dispose()
    {
        if (System.IsDisposed) return;
        // Descriptors are handed out from 3 upwards and never reused: closing every number up
        // to well past the last one this helper saw also closes those a test opened itself.
        var highest = _opened.Count == 0 ? 3 : _opened.Max();
        for (var fd = 3; fd <= highest + 256; fd++) _ = Posix.Close(fd);
        Settle();
        System.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Assert.Empty(UnexpectedActorFailures);
    }

    /// <summary>Collects logged exceptions that are not injected crashes.</summary>
    private sealed class ActorFailures : ILogEventSink
    {
        private readonly List<string> _failures = new();

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Exception is null or InjectedCrashException) return;
            lock (_failures) _failures.Add(logEvent.RenderMessage());
        }

        public IReadOnlyList<string> Snapshot()
        {
            lock (_failures) return _failures.ToArray();
        }
    }
}
