namespace Ptm.Actors.TestKit.Soak.Report;

/// <summary>
/// Why a call of the soak's workload returned an error, as far as the events show it. Every
/// cause but Unattributed is one the workload provokes on purpose or runs into by the rules it
/// drives; Unattributed is what no rule explains, and the report makes it stand out.
/// </summary>
internal enum FailureCause
{
    /// <summary>EAGAIN: a non-blocking write met flow control (D14, D19); the workload retries at the same offset.</summary>
    FlowControl,

    /// <summary>EAGAIN: a non-blocking read found nothing queued (D19).</summary>
    NothingToRead,

    /// <summary>EINVAL: the ioctl the workload issues on purpose, which nothing handles on a bare pair (D2, D7, D8).</summary>
    UnknownIoctl,

    /// <summary>EINVAL: the manager's sticky write error, after one of its writes met no subsidiary (PD4, D9).</summary>
    StickyError,

    /// <summary>EIO or ENXIO on the subsidiary after the manager's orderly close hung it up (L15, PD6).</summary>
    HangUp,

    /// <summary>EBADF: a call in flight when its own side was closed (a closed descriptor answers EBADF).</summary>
    OwnClose,

    /// <summary>An injected crash of the manager (crash_manager, crash_lone_manager): its calls fail EIO, the subsidiary is hung up (PD13, L15).</summary>
    ManagerCrashed,

    /// <summary>An injected crash of the subsidiary (crash_subsidiary, reopen_after_crash): its calls fail EIO (PD13).</summary>
    SubsidiaryCrashed,

    /// <summary>Injected abrupt_close: a side closed under a blocked call, which fails, and the peer may be hung up (L15).</summary>
    AbruptClose,

    /// <summary>No rule the workload drives explains this errno for this call: unexpected.</summary>
    Unattributed,
}

/// <summary>The snake_case names and the texts of the causes.</summary>
internal static class FailureCauses
{
    public static readonly FailureCause[] All = Enum.GetValues<FailureCause>();

    public static string Name(FailureCause cause) => cause switch
    {
        FailureCause.FlowControl => "flow_control",
        FailureCause.NothingToRead => "nothing_to_read",
        FailureCause.UnknownIoctl => "unknown_ioctl",
        FailureCause.StickyError => "sticky_error",
        FailureCause.HangUp => "hang_up",
        FailureCause.OwnClose => "own_close",
        FailureCause.ManagerCrashed => "manager_crashed",
        FailureCause.SubsidiaryCrashed => "subsidiary_crashed",
        FailureCause.AbruptClose => "abrupt_close",
        FailureCause.Unattributed => "unattributed",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };

    /// <summary>True for the causes that are injected faults.</summary>
    public static bool IsInjectedFault(FailureCause cause) =>
        cause is FailureCause.ManagerCrashed or FailureCause.SubsidiaryCrashed or FailureCause.AbruptClose;

    /// <summary>True for every cause the workload expects; only Unattributed is not.</summary>
    public static bool IsExpected(FailureCause cause) => cause != FailureCause.Unattributed;

    /// <summary>A few words a person reads next to the name.</summary>
    public static string Explanation(FailureCause cause) => cause switch
    {
        FailureCause.FlowControl => "non-blocking write met flow control (D14, D19)",
        FailureCause.NothingToRead => "non-blocking read found nothing queued (D19)",
        FailureCause.UnknownIoctl => "ioctl nothing handles on a bare pair, issued on purpose (D7, D8)",
        FailureCause.StickyError => "manager's sticky write error after a write met no subsidiary (PD4, D9)",
        FailureCause.HangUp => "subsidiary after the manager closed (L15, PD6)",
        FailureCause.OwnClose => "call in flight when its own side closed",
        FailureCause.ManagerCrashed => "injected fault: manager crashed (PD13)",
        FailureCause.SubsidiaryCrashed => "injected fault: subsidiary crashed (PD13)",
        FailureCause.AbruptClose => "injected fault: side closed under a blocked call",
        FailureCause.Unattributed => "no rule the workload drives explains it: unexpected",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };
}
