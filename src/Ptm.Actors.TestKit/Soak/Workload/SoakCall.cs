using Ptm.Actors.Pty;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// One lane of a soak session: at most one call in flight (the checker needs one write in flight
/// per stream), plus the time before which the lane issues nothing (pauses of slow and stalled
/// readers, EAGAIN retries). The driver only ever looks at Pending.IsCompleted, never awaits it,
/// so the same code runs on the deterministic dispatcher (R9: every call is seen to complete).
/// </summary>
internal sealed class SoakCall
{
    public SoakCall(string name) => Name = name;

    /// <summary>The lane's name, for messages.</summary>
    public string Name { get; }

    public Task? Pending { get; private set; }

    // For a call whose Task carries more than a SysResult (tcgetattr, TIOCGWINSZ, the signals):
    // its result, and what it carries, as Take finds them.
    private Func<Task, (SysResult, object?)>? _unpack;

    /// <summary>What the last taken call carried besides its result (a Termios, a WindowSize, the signals), or null.</summary>
    public object? Reply { get; private set; }
    public long CallId { get; private set; }
    public string Operation { get; private set; } = "";
    public long StartedTicks { get; private set; }

    /// <summary>The lane issues nothing before this time (driver ticks).</summary>
    public long WakeTicks { get; set; }

    /// <summary>For writes: what the call wrote, so its Accepted event can name it.</summary>
    public StreamKey Stream { get; set; }
    public long Offset { get; set; }
    public int Length { get; set; }

    public bool Busy => Pending is not null;

    /// <summary>The call is reported to the checker (CallStarted/CallCompleted); false for the /dev/ptmx open, which precedes its session.</summary>
    public bool Reported => CallId != 0;

    public bool Completed => Pending is { IsCompleted: true };

    public bool ReadyAt(long now) => Pending is null && WakeTicks <= now;

    /// <summary>Records the call about to be issued; callId 0 for an unreported call.</summary>
    public void Start(long callId, string operation, long now)
    {
        CallId = callId;
        Operation = operation;
        StartedTicks = now;
    }

    public void Issue(Task<SysResult> task)
    {
        Pending = task;
        _unpack = null;
    }

    /// <summary>Issues a call that carries a value besides its result; Take puts the value in Reply.</summary>
    public void Issue<T>(Task<(SysResult Result, T Value)> task)
    {
        Pending = task;
        _unpack = static done => ((Task<(SysResult Result, T Value)>)done).Result is var (result, value) ? (result, value) : default;
    }

    /// <summary>Takes the completed call's result; a faulted or cancelled Task counts as EINTR (it never should happen).</summary>
    public SysResult Take()
    {
        var task = Pending!;
        Pending = null;
        Reply = null;
        if (!task.IsCompletedSuccessfully) return SysResult.Fail(Errno.EINTR);
        if (_unpack is null) return ((Task<SysResult>)task).Result;
        (var result, Reply) = _unpack(task);
        return result;
    }
}
