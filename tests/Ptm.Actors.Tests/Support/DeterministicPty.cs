using Ptm.Actors.Pty;
using Ptm.Actors.TestKit.Deterministic;
using Ptm.Actors.TestKit.Timing;
using Xunit.Sdk;

namespace Ptm.Actors.Tests.Support;

/// <summary>
/// One pty system on the TestKit's seeded dispatcher (DeterministicPtys), driven from the test
/// thread. Nothing runs until <see cref="Settle()"/> runs the actors to quiescence here, one
/// message at a time in the order the seed picks, so a test starts calls (their Tasks return at
/// once), settles, then inspects every Task: an incomplete one is a call left unanswered, which
/// is always a failure (R9). Every assertion message names the seed, so a failure is a one-line
/// reproduction (a seed of a sweep replays the same on a system of its own). Dispose closes what
/// is still open and stops the actors.
/// </summary>
internal sealed class DeterministicPty : IDisposable
{
    private readonly SweepSystem? _sweep;
    private int _raceStart;
    private bool _disposed;

    /// <summary>A pty system on an actor system of its own (DeterministicPtys.Create).</summary>
    public DeterministicPty(int seed = 1, PtySystemOptions? options = null, bool recordTrace = false)
    {
        Seed = seed;
        System = DeterministicPtys.Create(seed, options, recordTrace: recordTrace);
        AssertSeeded();
    }

    /// <summary>A pty system on seed <paramref name="seed"/>'s dispatcher in a sweep's shared actor system.</summary>
    public DeterministicPty(SweepSystem sweep, int seed, PtySystemOptions? options = null)
    {
        Seed = seed;
        _sweep = sweep;
        System = sweep.Start(seed, options);
        AssertSeeded();
    }

    public int Seed { get; }
    public PtySystem System { get; }
    public PosixApi Posix => System.Posix;

    /// <summary>Names the seed in an assertion message.</summary>
    public string At(string what) => $"seed {Seed}: {what}";

    /// <summary>
    /// Runs the actors to quiescence; returns how many mailbox runs that took. An actor that
    /// failed on its own (not an injected crash, PD13) is a bug even when every other check
    /// passes, and so is a run queued from outside the seeded order: either fails the test here.
    /// </summary>
    public int Settle()
    {
        var runs = System.RunUntilIdle();
        if (System.Statistics.UnexpectedFailures > 0)
            throw new XunitException(At($"an actor failed: {System.Statistics.FirstUnexpectedFailure}"));
        if (System.SeedingViolations() is { Count: > 0 } violations)
            throw new XunitException(At($"the interleaving left the seed's control: {violations[0]}"));
        return runs;
    }

    /// <summary>Moves the system's virtual clock on, firing the timers due (the 15 s close drain of H3), then settles.</summary>
    public void Sleep(TimeSpan by)
    {
        System.Clock().Advance(by);
        Settle();
    }

    /// <summary>Runs to quiescence and returns the call's result; the call must have been answered.</summary>
    public SysResult Settle(Task<SysResult> call, string what = "call")
    {
        Settle();
        return Done(call, what);
    }

    /// <summary>Runs to quiescence and returns the result of a call that gives more than a SysResult (getmsg, window size, signals).</summary>
    public T Settled<T>(Task<T> call, string what = "call")
    {
        Settle();
        Assert.True(call.IsCompleted, At($"{what} was never answered although the system is idle (R9: every request gets an answer)"));
        return call.Result;
    }

    /// <summary>The result of a call that must already be answered (after <see cref="Settle()"/>).</summary>
    public SysResult Done(Task<SysResult> call, string what = "call")
    {
        Assert.True(call.IsCompleted, At($"{what} was never answered although the system is idle (R9: every request gets an answer)"));
        return call.Result;
    }

    public long Ok(Task<SysResult> call, string what = "call")
    {
        var result = Settle(call, what);
        Assert.True(result.IsOk, At($"{what}: expected success, got {result.Errno}"));
        return result.Value;
    }

    public void Fails(Errno expected, Task<SysResult> call) => Assert.Equal(expected, Settle(call).Errno);

    public int OpenManager(OpenFlags flags = OpenFlags.None, Credentials? who = null) => (int)Ok(Posix.OpenManagerAsync(flags, who), "posix_openpt");

    /// <summary>grantpt, unlockpt (C10): the manager's subsidiary can be opened from now on.</summary>
    public void GrantAndUnlock(int manager)
    {
        Ok(Posix.GrantAsync(manager), "grantpt");
        Ok(Posix.UnlockAsync(manager), "unlockpt");
    }

    /// <summary>posix_openpt, grantpt, unlockpt (C10).</summary>
    public int OpenUnlockedManager(OpenFlags flags = OpenFlags.None)
    {
        var manager = OpenManager(flags);
        GrantAndUnlock(manager);
        return manager;
    }

    /// <summary>The manager's /dev/pts/N.</summary>
    public string PathOf(int manager) => Posix.SubsidiaryPathOf(manager) ?? throw new InvalidOperationException(At($"{manager} is not a manager"));

    /// <summary>An open of /dev/pts/N that must succeed (no grant or unlock: see <see cref="GrantAndUnlock"/>).</summary>
    public int OpenSubsidiary(string path, OpenFlags flags = OpenFlags.None, Credentials? who = null) => (int)Ok(Posix.OpenAsync(path, flags, who), "open " + path);

    /// <summary>The usual sequence (C10): an unlocked manager and one open subsidiary.</summary>
    public (int Manager, int Subsidiary) OpenPair(OpenFlags managerFlags = OpenFlags.None, OpenFlags subsidiaryFlags = OpenFlags.None)
    {
        var manager = OpenUnlockedManager(managerFlags);
        return (manager, OpenSubsidiary(PathOf(manager), subsidiaryFlags));
    }

    /// <summary>A write that must succeed now; returns its count.</summary>
    public int Write(int fd, byte[] data) => (int)Ok(Posix.WriteAsync(fd, data), "write");

    public int Write(int fd, string text) => Write(fd, Bytes.Of(text));

    /// <summary>Starts a write without running anything (a racing call).</summary>
    public Task<SysResult> StartWrite(int fd, string text) => Posix.WriteAsync(fd, Bytes.Of(text));

    /// <summary>
    /// Writes <paramref name="size"/>-byte blocks of <paramref name="fill"/> on a non-blocking
    /// descriptor until flow control refuses one (EAGAIN); returns the bytes accepted.
    /// </summary>
    public int Fill(int fd, char fill = 'x', int size = 4096)
    {
        var accepted = 0;
        while (Settle(Posix.WriteAsync(fd, Bytes.Repeat(fill, size))) is { IsOk: true } result) accepted += (int)result.Value;
        return accepted;
    }

    /// <summary>A read that must complete now: the bytes it returned (empty at end of file).</summary>
    public byte[] Read(int fd, int count = 65536)
    {
        var buffer = new byte[count];
        var n = (int)Ok(Posix.ReadAsync(fd, buffer), "read");
        return buffer[..n];
    }

    public string ReadText(int fd, int count = 65536) => Bytes.Text(Read(fd, count));

    /// <summary>Reads what is there now (the descriptor must be non-blocking or have data): the text, "" at end of file, null on EAGAIN.</summary>
    public string? ReadNow(int fd, int count = 8192)
    {
        var buffer = new byte[count];
        var result = Settle(Posix.ReadAsync(fd, buffer), "read");
        if (!result.IsOk && result.Errno == Errno.EAGAIN) return null;
        Assert.True(result.IsOk, At($"read failed {result.Errno}"));
        return Bytes.Text(buffer.AsSpan(0, (int)result.Value));
    }

    /// <summary>Reads a non-blocking descriptor until EAGAIN or end of file.</summary>
    public byte[] Drain(int fd)
    {
        var all = new List<byte>();
        while (true)
        {
            var buffer = new byte[65536];
            var result = Settle(Posix.ReadAsync(fd, buffer), "read");
            if (!result.IsOk)
            {
                Assert.Equal(Errno.EAGAIN, result.Errno);
                return all.ToArray();
            }
            if (result.Value == 0) return all.ToArray();
            all.AddRange(buffer.AsSpan(0, (int)result.Value).ToArray());
        }
    }

    public PollEvents Poll(int fd) => (PollEvents)Ok(Posix.PollAsync(fd), "poll");

    public void Close(int fd) => Ok(Posix.CloseAsync(fd), "close");

    /// <summary>
    /// Closes every listed descriptor and checks that nothing leaked (L16) and no dead letter was
    /// unexpected. A close held by output that cannot drain returns after the 15 s of H3.
    /// </summary>
    public void CloseAllAndCheckClean(params int[] descriptors)
    {
        var closes = new List<Task<SysResult>>();
        foreach (var fd in descriptors) closes.Add(Posix.CloseAsync(fd));
        Settle();
        if (closes.Any(close => !close.IsCompleted)) Sleep(Pty.SideActor.CloseTime);
        foreach (var close in closes) Done(close, "close");
        Assert.True(System.AllocatedMinors == 0, At($"{System.AllocatedMinors} minor(s) leaked after every close (L16)"));
        Assert.True(System.UnexpectedDeadLetters == 0, At("unexpected dead letters: " + string.Join(", ", System.UnexpectedDeadLetterExamples)));
    }

    /// <summary>The race starts now: <see cref="RaceTrace"/> is the trace from here on (record the trace to use it).</summary>
    public void BeginRace() => _raceStart = System.TraceCount();

    /// <summary>The mailbox runs since <see cref="BeginRace"/>, each "actor" or "actor:MessageType".</summary>
    public IReadOnlyList<string> RaceTrace
    {
        get
        {
            var trace = System.Trace();
            return trace.Skip(_raceStart).ToArray();
        }
    }

    private void AssertSeeded()
    {
        if (System.SeedingViolations() is { Count: > 0 } violations)
            throw new XunitException(At($"the start-up left the seed's control: {violations[0]}"));
    }

    /// <summary>Closes what is still open and stops the actors (driving them here), then terminates the actor system unless a sweep shares it.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Settle();
        if (_sweep is null) System.DisposeAsync().AsTask().GetAwaiter().GetResult();
        else _sweep.Stop(System);
        Assert.True(System.Statistics.UnexpectedFailures == 0, At($"an actor failed while closing: {System.Statistics.FirstUnexpectedFailure}"));
    }
}
