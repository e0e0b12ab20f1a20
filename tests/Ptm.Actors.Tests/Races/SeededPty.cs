using System.Text;
using Ptm.Actors.Pty;

namespace Ptm.Actors.Tests.Races;

/// <summary>
/// One pty system on the deterministic dispatcher, with the calls tests make over and over.
/// Nothing runs until <see cref="Settle"/> (or <see cref="Idle"/>) drives the actors to
/// quiescence on this thread, so a test starts racing calls, settles once, then inspects
/// every Task: an incomplete one is a call left unanswered, which is always a failure here.
/// </summary>
internal sealed class SeededPty
{
    private int _raceStart;

    public SeededPty(int seed, PtySystemOptions? options = null)
    {
        Seed = seed;
        System = PtySystem.Create((options ?? new PtySystemOptions()) with { DeterministicSeed = seed });
    }

    public int Seed { get; }
    public PtySystem System { get; }
    public PosixApi Posix => System.Posix;

    /// <summary>Names the seed in every assertion message, so a failure is a one-line reproduction.</summary>
    public string At(string what) => $"seed {Seed}: {what}";

    /// <summary>
    /// Runs the actors to quiescence; returns the number of messages processed. A side actor
    /// that failed on its own (not an injected crash, PD13) is a bug even if every other check
    /// of the race passes, so it fails the test here.
    /// </summary>
    public int Idle()
    {
        var processed = System.Actors.RunUntilIdle();
        Assert.True(System.Statistics.UnexpectedFailures == 0, At($"a side actor failed: {System.Statistics.FirstUnexpectedFailure}"));
        return processed;
    }

    /// <summary>Runs to quiescence and returns the call's result; the call must have been answered.</summary>
    public SysResult Settle(Task<SysResult> call, string what = "call")
    {
        Idle();
        return Done(call, what);
    }

    /// <summary>The result of a call that must already be answered (after <see cref="Idle"/>).</summary>
    public SysResult Done(Task<SysResult> call, string what = "call")
    {
        Assert.True(call.IsCompleted, At($"{what} was never answered (R9: every request gets an answer)"));
        return call.Result;
    }

    public int OpenManager(OpenFlags flags = OpenFlags.None, Credentials? who = null)
    {
        var result = Settle(Posix.posix_openpt(flags, who), "posix_openpt");
        Assert.True(result.IsOk, At($"posix_openpt failed {result.Errno}"));
        return (int)result.Value;
    }

    /// <summary>posix_openpt, grantpt, unlockpt (C10): a manager whose subsidiary can be opened.</summary>
    public int OpenUnlockedManager(OpenFlags flags = OpenFlags.None)
    {
        var manager = OpenManager(flags);
        Assert.True(Settle(Posix.grantpt(manager)).IsOk, At("grantpt"));
        Assert.True(Settle(Posix.unlockpt(manager)).IsOk, At("unlockpt"));
        return manager;
    }

    public string NameOf(int manager) => Posix.SubsidiaryPathOf(manager) ?? throw new InvalidOperationException(At("no subsidiary name"));

    public int OpenSubsidiary(string path, OpenFlags flags = OpenFlags.None, Credentials? who = null)
    {
        var result = Settle(Posix.Open(path, flags, who), "open " + path);
        Assert.True(result.IsOk, At($"open {path} failed {result.Errno}"));
        return (int)result.Value;
    }

    /// <summary>The usual sequence (C10): unlocked manager and one open subsidiary.</summary>
    public (int Manager, int Subsidiary) OpenPair(OpenFlags managerFlags = OpenFlags.None, OpenFlags subsidiaryFlags = OpenFlags.None)
    {
        var manager = OpenUnlockedManager(managerFlags);
        return (manager, OpenSubsidiary(NameOf(manager), subsidiaryFlags));
    }

    public Task<SysResult> Write(int fd, string text) => Posix.Write(fd, Encoding.ASCII.GetBytes(text));

    /// <summary>Reads what is there now (the descriptor must be non-blocking or have data); returns the text, "" at EOF, null on EAGAIN.</summary>
    public string? ReadNow(int fd, int count = 8192)
    {
        var buffer = new byte[count];
        var result = Settle(Posix.Read(fd, buffer), "read");
        if (!result.IsOk && result.Errno == Errno.EAGAIN) return null;
        Assert.True(result.IsOk, At($"read failed {result.Errno}"));
        return Encoding.ASCII.GetString(buffer, 0, (int)result.Value);
    }

    /// <summary>Closes every listed descriptor and checks nothing leaked (L16) and no dead letter was unexpected.</summary>
    public void CloseAllAndCheckClean(params int[] descriptors)
    {
        var closes = new List<Task<SysResult>>();
        foreach (var fd in descriptors) closes.Add(Posix.Close(fd));
        Idle();
        foreach (var close in closes) Done(close, "close");
        Assert.True(System.AllocatedMinors == 0, At($"{System.AllocatedMinors} minor(s) leaked after every close (L16)"));
        Assert.True(System.UnexpectedDeadLetters == 0, At("unexpected dead letters: " + string.Join(", ", System.UnexpectedDeadLetterExamples)));
    }

    /// <summary>The race starts now: the interleaving counted is the trace from here on.</summary>
    public void BeginRace() => _raceStart = System.Actors.Trace.Count;

    public IReadOnlyList<string> RaceTrace
    {
        get
        {
            var trace = System.Actors.Trace;
            var race = new string[trace.Count - _raceStart];
            for (var i = 0; i < race.Length; i++) race[i] = trace[_raceStart + i];
            return race;
        }
    }
}
