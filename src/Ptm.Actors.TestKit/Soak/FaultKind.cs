namespace Ptm.Actors.TestKit.Soak;

/// <summary>The faults a soak run injects (one --rate-... option each).</summary>
internal enum FaultKind
{
    /// <summary>The manager actor fails; PD13: the subsidiary is hung up as after a close (L15).</summary>
    CrashManager,

    /// <summary>The subsidiary actor fails; PD13: the manager reads EOF once (L13).</summary>
    CrashSubsidiary,

    /// <summary>A handle is closed while a call on it is blocked in a write or a read.</summary>
    AbruptClose,

    /// <summary>A reader stops reading for a while, so writers meet flow control (D13, D14, D15).</summary>
    StalledReader,

    /// <summary>A reader reads in small pieces with pauses.</summary>
    SlowReader,

    /// <summary>A burst of manager opens and closes at the Clone actor (L1, L5, L16).</summary>
    CloneBurst,

    /// <summary>Timers fire late (virtual or real time is skewed).</summary>
    TimerDelay,

    /// <summary>The manager actor fails while no subsidiary is open (before the first open, or between epochs); PD13, L16: the minor is freed at once.</summary>
    CrashLoneManager,

    /// <summary>The subsidiary is reopened (L11) as soon as its last close returns, before the manager has read that epoch's EOF (L13, R7).</summary>
    ReopenBeforeEof,

    /// <summary>The subsidiary crashes and is reopened in the same step, so the new one may introduce itself before the crash's death notice reaches the manager (PD13, R13).</summary>
    ReopenAfterCrash,
}

/// <summary>The snake_case names used on the command line, in the report and in JSON.</summary>
internal static class FaultKinds
{
    public static readonly FaultKind[] All = Enum.GetValues<FaultKind>();

    public static string Name(FaultKind kind) => kind switch
    {
        FaultKind.CrashManager => "crash_manager",
        FaultKind.CrashSubsidiary => "crash_subsidiary",
        FaultKind.AbruptClose => "abrupt_close",
        FaultKind.StalledReader => "stalled_reader",
        FaultKind.SlowReader => "slow_reader",
        FaultKind.CloneBurst => "clone_burst",
        FaultKind.TimerDelay => "timer_delay",
        FaultKind.CrashLoneManager => "crash_lone_manager",
        FaultKind.ReopenBeforeEof => "reopen_before_eof",
        FaultKind.ReopenAfterCrash => "reopen_after_crash",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The option that sets the kind's rate, e.g. --rate-crash-manager.</summary>
    public static string OptionName(FaultKind kind) => "--rate-" + Name(kind).Replace('_', '-');
}
