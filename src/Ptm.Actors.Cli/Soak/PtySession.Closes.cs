namespace Ptm.Actors.Cli.Soak;

/// <summary>
/// What the closes do besides closing. A close of a descriptor without O_NONBLOCK first waits,
/// at most 15 s, for its side's queue to drain into the peer (H3); the checker needs to know
/// which manager closes drain and whether one ran its time out, since only then may it discard.
/// </summary>
internal sealed partial class PtySession
{
    /// <summary>The manager descriptor was opened O_NONBLOCK: its close does not drain (H3, L14).</summary>
    private bool _managerNonBlocking;

    /// <summary>The manager's close in progress drains first (H3); when it began.</summary>
    private bool _managerCloseDrains;
    private long _managerCloseStarted;

    /// <summary>Before the manager's close: whether it drains first (H3): not when non-blocking (L14) nor for a crash (PD13).</summary>
    private bool BeginManagerClose(long now)
    {
        _managerCloseDrains = _endHow != SideEnd.Crash && !_managerNonBlocking;
        _managerCloseStarted = now;
        return _managerCloseDrains;
    }

    /// <summary>After it: a draining close that took the whole close time discarded what had not drained (H3, L14).</summary>
    private bool ManagerCloseDrainExpired(long now) =>
        _managerCloseDrains && now - _managerCloseStarted >= SoakDriver.CloseTime.Ticks;
}
