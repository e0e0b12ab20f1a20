namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// Fault injection: after every completed call each fault kind is rolled at its rate (the
/// --rate-... options are per operation). Crashes and abrupt closes become the way the current
/// epoch ends (PtySession.Control.cs); reader faults change a reader's pace; bursts and timer
/// delays act on the Clone actor.
/// </summary>
internal sealed partial class PtySession
{
    /// <summary>A fault that ends the epoch, waiting for the control lane to carry it out.</summary>
    private FaultKind? _pendingEndFault;

    /// <summary>crash_lone_manager: the manager crashes at the next moment it has no subsidiary open.</summary>
    private bool _loneCrashDue;

    /// <summary>reopen_before_eof: this epoch's end reopens the subsidiary without waiting for the manager to read its EOF.</summary>
    private bool _reopenBeforeEof;

    /// <summary>reopen_after_crash: the subsidiary's crash is followed at once, in the same step, by a new open.</summary>
    private bool _reopenAfterCrash;

    /// <summary>The crashed subsidiary's descriptor, closed once the reopen after the crash has succeeded.</summary>
    private int _crashedFd = -1;

    // Per reader (0 manager, 1 subsidiary): reads are small and paused until this time (slow_reader).
    private readonly long[] _slowUntil = new long[2];

    private void RollFaults(long now)
    {
        if (IsBurst || _driver.Stopping || !WasStarted) return;
        if (_step == ControlStep.Active && _pendingEndFault is null)
        {
            if (Chance(Options.FaultRate(FaultKind.CrashManager))) _pendingEndFault = FaultKind.CrashManager;
            else if (Chance(Options.FaultRate(FaultKind.CrashSubsidiary))) _pendingEndFault = FaultKind.CrashSubsidiary;
            else if (Chance(Options.FaultRate(FaultKind.AbruptClose))) _pendingEndFault = FaultKind.AbruptClose;
            else if (Chance(Options.FaultRate(FaultKind.ReopenBeforeEof))) _pendingEndFault = FaultKind.ReopenBeforeEof;
            else if (Chance(Options.FaultRate(FaultKind.ReopenAfterCrash))) _pendingEndFault = FaultKind.ReopenAfterCrash;
        }
        if (!_loneCrashDue && Chance(Options.FaultRate(FaultKind.CrashLoneManager))) _loneCrashDue = true;
        if (Chance(Options.FaultRate(FaultKind.StalledReader))) StallReader(now);
        if (Chance(Options.FaultRate(FaultKind.SlowReader))) SlowReader(now);
        if (Chance(Options.FaultRate(FaultKind.CloneBurst)))
        {
            Emit(new FaultInjected(FaultKind.CloneBurst, Id));
            _driver.RequestBurst(Between(4, 16));
        }
        if (Chance(Options.FaultRate(FaultKind.TimerDelay)) && _driver.DelayClone(TimeSpan.FromTicks(Millis(1, 20))))
            Emit(new FaultInjected(FaultKind.TimerDelay, -1));
    }

    // stalled_reader: the reader stops for a while, so the peer's writer meets flow control (D13, D14, D15).
    private void StallReader(long now)
    {
        var reader = Between(0, 1) == 0 ? _managerReader : _subsidiaryReader;
        reader.WakeTicks = Math.Max(reader.WakeTicks, now + Millis(100, 1000));
        Emit(new FaultInjected(FaultKind.StalledReader, Id));
    }

    // slow_reader: the reader takes a few bytes at a time with pauses, for a while.
    private void SlowReader(long now)
    {
        var index = Between(0, 1);
        _slowUntil[index] = Math.Max(_slowUntil[index], now + Millis(200, 2000));
        Emit(new FaultInjected(FaultKind.SlowReader, Id));
    }
}
