using Ptm.Actors.TestKit.Scenarios;
using Ptm.Actors.TestKit.Timing;

namespace Ptm.Actors.Specs.Fakes;

/// <summary>
/// A tiny in-memory pty for testing the parser-runner pair without the actors. Like the real
/// deterministic target, no call completes when it is made: calls queue up and run (FIFO) only
/// inside <see cref="WhenIdleAsync"/>, and a read with nothing to return stays pending until
/// some later call gives it data or an end. So a runner that skipped the idle wait, or awaited
/// an incomplete call, fails these tests. Its timers run on a <see cref="VirtualClock"/> that
/// only AdvanceClockAsync moves, and they fire on the advancing thread, as on a seeded system.
/// </summary>
internal sealed partial class FakePtyTarget(int? seed = null) : IScenarioTarget
{
    private readonly Queue<Action> _work = new();
    private readonly List<Func<bool>> _blocked = new();
    private readonly Dictionary<int, FakeEnd> _fds = new();
    private readonly Dictionary<int, FakePty> _ptys = new();
    private readonly List<string> _trace = new();
    private readonly List<string> _leftovers = new();
    private readonly HashSet<Task> _issued = new();
    private int _nextFd = 3;
    private int? _nextMinor;
    private long _maxPty = long.MaxValue;

    public int? Seed { get; } = seed;
    public int FirstMinor { get; init; } = 1;
    /// <summary>Splits reads, so `readn` needs several.</summary>
    public int MaxBytesPerRead { get; init; } = int.MaxValue;
    /// <summary>WhenIdleAsync never completes: exercises the safety net.</summary>
    public bool NeverIdle { get; init; }
    /// <summary>Reported as leftovers after shutdown, as dead letters would be.</summary>
    public List<string> DeadLetters { get; } = new();
    /// <summary>Every call made, in order (what the runner asked of the system).</summary>
    public List<string> Calls { get; } = new();
    /// <summary>
    /// When set, a close whose written data the peer has not read all waits until it has, or
    /// until this much virtual time has passed (H3's close-time drain, at most 15 s).
    /// </summary>
    public TimeSpan? CloseDrainLimit { get; init; }
    public VirtualClock Clock { get; } = new();
    public bool Disposed { get; private set; }
    public int IdleWaits { get; private set; }

    public IReadOnlyList<string> Leftovers => _leftovers;
    public IReadOnlyList<string> Trace => _trace;

    public Task<CallResult> OpenAsync(string path, ScenarioOpenFlags flags, ScenarioCredentials who) =>
        Enqueue($"open {path}", () => Open(path, NonBlocking(flags), who));

    public Task<CallResult> OpenSubsidiaryOfAsync(int managerFd, ScenarioOpenFlags flags, ScenarioCredentials who) =>
        Enqueue($"open pts({managerFd})", () => Live(managerFd) is { IsManager: true } end
            ? Open(end.Pty.Name, NonBlocking(flags), who) : Fail(ErrnoTable.EBADF));

    public Task<CallResult> CloseAsync(int fd, ScenarioCredentials who) => Enqueue($"close {fd}", () =>
    {
        if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
        if (StillDraining(end)) return null;
        end.Closed = true;
        var pty = end.Pty;
        if (end.IsManager) { pty.ManagerOpen = false; pty.HungUp = true; }
        else pty.SubsidiariesOpen--;
        if (!pty.ManagerOpen && pty.SubsidiariesOpen == 0) _ptys.Remove(pty.Minor);
        return Ok();
    });

    public Task<CallResult> ReadAsync(int fd, int count, ScenarioCredentials who) => Enqueue($"read {fd} {count}", () =>
    {
        if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
        if (end.Crashed) return Fail(ErrnoTable.EIO);
        var queue = end.IsManager ? end.Pty.ToManager : end.Pty.ToSubsidiary;
        if (queue.Count > 0)
        {
            var taken = Math.Min(Math.Min(count, MaxBytesPerRead), queue.Count);
            var bytes = queue.GetRange(0, taken).ToArray();
            queue.RemoveRange(0, taken);
            return new CallResult(bytes.Length, 0, bytes);
        }
        if (!end.IsManager && end.Pty.HungUp) return new CallResult(0, 0, []);
        return end.NonBlocking ? Fail(ErrnoTable.EAGAIN) : null;
    });

    public Task<CallResult> WriteAsync(int fd, byte[] data, ScenarioCredentials who) => Enqueue($"write {fd} {data.Length}", () =>
    {
        if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
        if (end.Crashed || (!end.IsManager && end.Pty.HungUp)) return Fail(ErrnoTable.EIO);
        (end.IsManager ? end.Pty.ToSubsidiary : end.Pty.ToManager).AddRange(data);
        return new CallResult(data.Length, 0);
    });

    public Task<CallResult> IoctlAsync(int fd, string name, long[] args, ScenarioCredentials who) =>
        Enqueue($"ioctl {fd} {name} {string.Join(' ', args)}".TrimEnd(), () =>
        {
            if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
            if (!end.IsManager && end.Pty.HungUp) return Fail(ErrnoTable.ENXIO);
            switch (name)
            {
                case "ISPTM" when end.IsManager: return Ok();
                case "UNLKPT" when end.IsManager: end.Pty.Locked = false; return Ok();
                case "PTSSTTY" when !end.IsManager: end.IsTty = true; return Ok();
                case "OWNERPT" when end.IsManager && args.Length == 2:
                    end.Pty.OwnerUid = args[0]; end.Pty.OwnerGid = args[1]; return Ok();
                default: return Fail(ErrnoTable.EINVAL);
            }
        });

    public Task<CallResult> FlushAsync(int fd, int flushBits, ScenarioCredentials who) => Enqueue($"flush {fd} {flushBits}", () =>
    {
        if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
        var own = end.IsManager ? end.Pty.ToManager : end.Pty.ToSubsidiary;
        var peer = end.IsManager ? end.Pty.ToSubsidiary : end.Pty.ToManager;
        if ((flushBits & FlushBits.R) != 0) own.Clear();
        if ((flushBits & FlushBits.W) != 0) peer.Clear();
        return Ok();
    });

    public Task<CallResult> PollAsync(int fd, ScenarioCredentials who) => Enqueue($"poll {fd}", () =>
    {
        if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
        if (end.Crashed) return new CallResult(PollBits.Err, 0);
        var readable = (end.IsManager ? end.Pty.ToManager : end.Pty.ToSubsidiary).Count > 0 ? PollBits.In : 0;
        if (!end.IsManager && end.Pty.HungUp) return new CallResult(PollBits.Hup | readable, 0);
        return new CallResult(PollBits.Out | readable, 0);
    });

    public Task<CallResult> GrantptAsync(int fd, ScenarioCredentials who) => OnManager("grantpt", fd, end =>
    {
        end.Pty.OwnerUid = who.Uid;
        end.Pty.OwnerGid = 7;
        return Ok();
    });

    public Task<CallResult> UnlockptAsync(int fd, ScenarioCredentials who) => OnManager("unlockpt", fd, end =>
    {
        end.Pty.Locked = false;
        return Ok();
    });

    public Task<CallResult> PtsnameAsync(int fd, ScenarioCredentials who) =>
        OnManager("ptsname", fd, end => new CallResult(0, 0, Text: end.Pty.Name));

    public Task<CallResult> PtsnameRAsync(int fd, int? bufferLength, ScenarioCredentials who) => OnManager("ptsname_r", fd, end =>
        bufferLength is not { } length ? Fail(ErrnoTable.EINVAL)
        : length < end.Pty.Name.Length + 1 ? Fail(ErrnoTable.ERANGE)
        : new CallResult(0, 0, Text: end.Pty.Name));

    public Task<CallResult> IsattyAsync(int fd, ScenarioCredentials who) =>
        Enqueue($"isatty {fd}", () => new CallResult(Live(fd) is { IsTty: true } ? 1 : 0, 0));

    public Task<CallResult> StatAsync(string path, ScenarioCredentials who) => Enqueue($"stat {path}", () =>
    {
        foreach (var pty in _ptys.Values)
            if (pty.Name == path) return new CallResult(0, 0, Text: $"uid={pty.OwnerUid} gid={pty.OwnerGid} mode=0620");
        return Fail(ErrnoTable.ENOENT);
    });

    public Task<CallResult> CrashAsync(int fd) => Enqueue($"crash {fd}", () =>
    {
        if (Live(fd) is not { } end) return Fail(ErrnoTable.EBADF);
        end.Crashed = true;
        if (end.IsManager) end.Pty.HungUp = true;
        return Ok();
    });

    public Task<CallResult> TuneAsync(string tunable, long value) => Enqueue($"tune {tunable} {value}", () =>
    {
        if (tunable == "pt_max_pty") _maxPty = value;
        return Ok();
    });

    public Task WhenIdleAsync()
    {
        IdleWaits++;
        if (NeverIdle) return new TaskCompletionSource().Task;
        while (_work.Count > 0)
        {
            _work.Dequeue()();
            RetryBlocked();
        }
        return Task.CompletedTask;
    }

    public Task AdvanceClockAsync(TimeSpan by)
    {
        Calls.Add($"advance {by.TotalSeconds}");
        return Clock.AdvanceSettlingAsync(by, WhenIdleAsync);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        foreach (var pty in _ptys.Values) _leftovers.Add($"leaked minor {pty.Minor}");
        _leftovers.AddRange(DeadLetters);
        return ValueTask.CompletedTask;
    }

    private Task<CallResult> Enqueue(string call, Func<CallResult?> attempt)
    {
        Calls.Add(call);
        var completion = new TaskCompletionSource<CallResult>();
        _issued.Add(completion.Task);
        _work.Enqueue(() =>
        {
            if (!TryComplete(call, attempt, completion)) _blocked.Add(() => TryComplete(call, attempt, completion));
        });
        return completion.Task;
    }

    private bool TryComplete(string call, Func<CallResult?> attempt, TaskCompletionSource<CallResult> completion)
    {
        if (attempt() is not { } result) return false;
        _trace.Add($"seed {Seed?.ToString() ?? "-"}: {call} -> {result.Errno}/{result.Value}");
        completion.SetResult(result);
        return true;
    }

    private void RetryBlocked()
    {
        for (var progress = true; progress;)
        {
            progress = false;
            for (var i = 0; i < _blocked.Count; i++)
                if (_blocked[i]()) { _blocked.RemoveAt(i); progress = true; break; }
        }
    }

    /// <summary>The close-time drain: arms its time limit on the first look; the timer wakes the retries.</summary>
    private bool StillDraining(FakeEnd end)
    {
        if (CloseDrainLimit is not { } limit || end.DrainExpired) return false;
        var pty = end.Pty;
        var unread = end.IsManager ? pty.ToSubsidiary : pty.ToManager;
        var peerOpen = end.IsManager ? pty.SubsidiariesOpen > 0 : pty.ManagerOpen;
        if (unread.Count == 0 || !peerOpen) return false;
        end.DrainTimer ??= Clock.CreateTimer(_ =>
        {
            end.DrainExpired = true;
            _work.Enqueue(static () => { }); // the idle wait then retries the blocked close
        }, null, limit, Timeout.InfiniteTimeSpan);
        return true;
    }

    private CallResult? Open(string path, bool nonBlocking, ScenarioCredentials who)
    {
        if (path == "/dev/ptmx")
        {
            if (_ptys.Count >= _maxPty) return Fail(ErrnoTable.EAGAIN);
            var minor = _nextMinor ?? FirstMinor;
            _nextMinor = minor + 1;
            var pty = new FakePty(minor);
            _ptys[minor] = pty;
            return NewFd(new FakeEnd(pty, true, nonBlocking));
        }
        foreach (var pty in _ptys.Values)
        {
            if (pty.Name != path) continue;
            if (!pty.ManagerOpen) return Fail(ErrnoTable.EAGAIN);
            if (pty.Locked) return Fail(ErrnoTable.EAGAIN);
            if (!who.Privileged && who.Uid != pty.OwnerUid) return Fail(ErrnoTable.EACCES);
            pty.SubsidiariesOpen++;
            return NewFd(new FakeEnd(pty, false, nonBlocking));
        }
        return Fail(ErrnoTable.ENOENT);
    }

    private CallResult NewFd(FakeEnd end)
    {
        var fd = _nextFd++; // never reused, so a closed handle's descriptor stays EBADF
        _fds[fd] = end;
        return new CallResult(fd, 0);
    }

    private Task<CallResult> OnManager(string call, int fd, Func<FakeEnd, CallResult> action) => Enqueue($"{call} {fd}", () =>
        Live(fd) is not { } end ? Fail(ErrnoTable.EBADF) : end.IsManager ? action(end) : Fail(ErrnoTable.EINVAL));

    private FakeEnd? Live(int fd) => _fds.TryGetValue(fd, out var end) && !end.Closed ? end : null;

    private static bool NonBlocking(ScenarioOpenFlags flags) => (flags & (ScenarioOpenFlags.NonBlock | ScenarioOpenFlags.NDelay)) != 0;

    private static CallResult Ok() => new(0, 0);

    private static CallResult Fail(int errno) => new(-1, errno);
}
