using Ptm.Actors.Pty;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// One soak session: a pty driven through a seeded random script by five lanes, each with at
/// most one call in flight: the control lane (opens, grant/unlock/ptsname, polls, unknown
/// ioctls, flushes, extra subsidiary opens, closes and crashes; PtySession.Control.cs), a writer
/// and a reader on each side (PtySession.Data.cs). Step is called by the driver loop: it takes
/// the results of completed calls, emits what they showed, and issues the next calls. It never
/// waits, so it runs unchanged on the deterministic dispatcher.
/// </summary>
internal sealed partial class PtySession
{
    private static readonly string[] ErrnoNames = BuildErrnoNames();

    private readonly SoakDriver _driver;
    private readonly Random _random;
    private readonly SoakCall _control = new("control");
    private readonly SoakCall _managerWriter = new("manager writer");
    private readonly SoakCall _subsidiaryWriter = new("subsidiary writer");
    private readonly SoakCall _managerReader = new("manager reader");
    private readonly SoakCall _subsidiaryReader = new("subsidiary reader");
    private readonly SoakCall _probe = new("manager probe"); // reopen_after_crash's poll (PtySession.Reopens.cs)
    private bool _stopNoticed;

    public PtySession(SoakDriver driver, long id, bool burst)
    {
        _driver = driver;
        Id = id;
        IsBurst = burst;
        // One generator per session, seeded from the run's seed and the session id: the same seed gives the same scripts.
        _random = new Random(unchecked((int)(driver.Options.Seed * 0x9E3779B1L ^ id * 0x85EBCA6BL ^ (driver.Options.Seed >> 32))));
        _readBuffers = [new byte[MaxReadSize], new byte[MaxReadSize]];
        _writeBuffers = [new byte[MaxWriteSize], new byte[MaxWriteSize]];
        _terminalSession = IsTerminalSession(driver.Options, id, burst);
    }

    public long Id { get; }

    /// <summary>A clone_burst session: open a manager and close it again at once.</summary>
    public bool IsBurst { get; }

    /// <summary>The manager open succeeded and SessionStarted was emitted.</summary>
    public bool WasStarted { get; private set; }

    /// <summary>Every handle is closed and every call has completed (SessionTornDown was emitted), or the open failed.</summary>
    public bool Finished { get; private set; }

    private SoakOptions Options => _driver.Options;
    private PosixApi Posix => _driver.System.Posix;

    /// <summary>Takes completed calls and issues new ones; true if anything happened.</summary>
    public bool Step(long now)
    {
        if (Finished) return false;
        if (_driver.Stopping && !_stopNoticed) NoticeStop();
        var progressed = false;
        if (_managerWriter.Completed) { OnWriteCompleted(_managerWriter, Direction.ManagerToSubsidiary, Complete(_managerWriter, now), now); progressed = true; }
        if (_subsidiaryWriter.Completed) { OnWriteCompleted(_subsidiaryWriter, Direction.SubsidiaryToManager, Complete(_subsidiaryWriter, now), now); progressed = true; }
        if (_managerReader.Completed) { OnManagerReadCompleted(Complete(_managerReader, now), now); progressed = true; }
        if (_subsidiaryReader.Completed) { OnSubsidiaryReadCompleted(Complete(_subsidiaryReader, now), now); progressed = true; }
        if (_control.Completed) { OnControlCompleted(Complete(_control, now), now); progressed = true; }
        if (_probe.Completed) { Complete(_probe, now); progressed = true; }
        if (Finished) return true;
        if (StepControl(now)) progressed = true;
        if (Finished) return true;
        if (StepWriter(_managerWriter, Direction.ManagerToSubsidiary, now)) progressed = true;
        if (StepWriter(_subsidiaryWriter, Direction.SubsidiaryToManager, now)) progressed = true;
        if (StepManagerReader(now)) progressed = true;
        if (StepSubsidiaryReader(now)) progressed = true;
        return progressed;
    }

    /// <summary>
    /// The teardown gave up on this session (a call it waits for never completed): close whatever
    /// is still open, announced as abrupt closes, and report it torn down, so its open calls show
    /// as call_hung (R9) and its minor can still be freed (L16).
    /// </summary>
    public void Abandon()
    {
        if (Finished) return;
        Finished = true;
        if (!WasStarted) return;
        if (_subsidiaryOpen && !_subsidiaryClosing)
        {
            Emit(new SubsidiaryClosing(Id, _epoch, SideEnd.AbruptClose));
            _subsidiaryClosing = true;
        }
        if (!_managerClosing)
        {
            Emit(new ManagerClosing(Id, SideEnd.AbruptClose, Drains: false)); // given up on: nothing is judged
            _managerClosing = true;
        }
        // Closing a descriptor twice is harmless (EBADF at once); these are not awaited.
        foreach (var fd in _extraFds) _ = Posix.CloseAsync(fd);
        if (_subsidiaryFd >= 0) _ = Posix.CloseAsync(_subsidiaryFd);
        _ = Posix.CloseAsync(_managerFd);
        Emit(new SessionTornDown(Id));
    }

    /// <summary>
    /// When this session next needs a step if no call completes first: now when one has completed,
    /// else the earliest wake of an idle lane (pauses, retries, patience: every wait sets one),
    /// long.MaxValue when it only waits for calls. The deterministic driver skips idle virtual time with it.
    /// </summary>
    public long NextWake(long now)
    {
        if (Finished) return long.MaxValue;
        var next = long.MaxValue;
        foreach (var lane in (ReadOnlySpan<SoakCall>)[_control, _managerWriter, _subsidiaryWriter, _managerReader, _subsidiaryReader, _probe])
        {
            if (lane.Completed) return now;
            if (!lane.Busy && lane.WakeTicks > now) next = Math.Min(next, lane.WakeTicks);
        }
        return next;
    }

    private bool AllLanesIdle => !_control.Busy && !_managerWriter.Busy && !_subsidiaryWriter.Busy && !_managerReader.Busy && !_subsidiaryReader.Busy && !_probe.Busy;

    // The run is over: pauses end now, so the session can close promptly.
    private void NoticeStop()
    {
        _stopNoticed = true;
        _control.WakeTicks = 0;
        _managerReader.WakeTicks = 0;
        _subsidiaryReader.WakeTicks = 0;
        _slowUntil[0] = 0;
        _slowUntil[1] = 0;
    }

    private void Emit(SoakEvent soakEvent)
    {
        _driver.Emit(soakEvent);
        ObserveOwn(soakEvent);
    }

    /// <summary>Puts the issued call on the lane (after Begin announced it).</summary>
    private void Issue(SoakCall lane, Task<SysResult> task)
    {
        lane.Issue(task);
        _driver.Watch(task);
    }

    /// <summary>CallStarted comes before the call is issued: call this first, then make the call and Issue it.</summary>
    private void Begin(SoakCall lane, string operation, long now)
    {
        var id = _driver.NextCallId();
        lane.Start(id, operation, now);
        Emit(new CallStarted(Id, id, operation));
    }

    private SysResult Complete(SoakCall lane, long now)
    {
        var result = lane.Take();
        if (lane.Reported)
        {
            Emit(new CallCompleted(Id, lane.CallId, TimeSpan.FromTicks(Math.Max(0, now - lane.StartedTicks)), Outcome(result)));
            RollFaults(now);
        }
        return result;
    }

    private static string Outcome(SysResult result)
    {
        if (result.IsOk) return "ok";
        var code = (int)result.Errno;
        return code >= 0 && code < ErrnoNames.Length ? ErrnoNames[code] : result.Errno.ToString();
    }

    private static string[] BuildErrnoNames()
    {
        var names = new string[256];
        for (var i = 0; i < names.Length; i++) names[i] = ((Errno)i).ToString();
        return names;
    }

    private int Between(int low, int high) => _random.Next(low, high + 1);

    private long Millis(int low, int high) => TimeSpan.TicksPerMillisecond * Between(low, high);

    private bool Chance(double probability) => probability > 0 && _random.NextDouble() < probability;
}
