namespace Ptm.Actors.TestKit.Soak;

/// <summary>What the invariant checker can find wrong, one kind per invariant of the soak issue.</summary>
internal enum ViolationKind
{
    /// <summary>PD14: accepted bytes never arrived and no documented discard covers them.</summary>
    DataLoss,

    /// <summary>PD14: bytes arrived a second time.</summary>
    DataDuplicated,

    /// <summary>PD14: bytes arrived after bytes that were written later.</summary>
    DataReordered,

    /// <summary>PD14/PD5: bytes that were never written to this stream (wrong content, another epoch's or session's output, or beyond what was written).</summary>
    DataCorrupted,

    /// <summary>M1/M3: terminal bytes (an echo, a line read on the subsidiary, output read on the manager), modes or a window size differ from what the line discipline must produce.</summary>
    TerminalMismatch,

    /// <summary>M1/M3/M4.5: a signal the line discipline or ptem owes the subsidiary is missing, unexpected or out of order.</summary>
    SignalWrong,

    /// <summary>L13/PD13: the manager must read EOF exactly once per subsidiary last close (or crash) while it lives.</summary>
    EofNotOnce,

    /// <summary>L15/PD13: a subsidiary that was open when its manager closed or crashed did not see the hang-up.</summary>
    HangupMissing,

    /// <summary>L15: a subsidiary saw a hang-up although its manager had not begun to close.</summary>
    HangupUnexpected,

    /// <summary>R9: a call the rules owe an answer (its peer hung up, closed or crashed; its own side closed) was still pending after the patience, or any call after its session was torn down.</summary>
    CallHung,

    /// <summary>L16: a minor was still allocated at the end of the run (one violation per minor, with its last session).</summary>
    MinorLeak,

    /// <summary>PD2/N3: more minors allocated than the limit allows.</summary>
    MinorLimitExceeded,

    /// <summary>A dead letter the workload did not expect (R1, R13 say which are harmless).</summary>
    DeadLetter,

    /// <summary>Managed memory above base + per-pty budget for the live ptys.</summary>
    MemoryBudget,

    /// <summary>The workload did not return within the grace period after the run was cancelled.</summary>
    WorkloadHung,

    /// <summary>The trace broke its own contract (e.g. non-contiguous write offsets) or the workload threw: the run proves nothing.</summary>
    HarnessError,
}

/// <summary>The snake_case names used in the report and in JSON.</summary>
internal static class ViolationKinds
{
    public static readonly ViolationKind[] All = Enum.GetValues<ViolationKind>();

    public static string Name(ViolationKind kind) => kind switch
    {
        ViolationKind.DataLoss => "data_loss",
        ViolationKind.DataDuplicated => "data_duplicated",
        ViolationKind.DataReordered => "data_reordered",
        ViolationKind.DataCorrupted => "data_corrupted",
        ViolationKind.TerminalMismatch => "terminal_mismatch",
        ViolationKind.SignalWrong => "signal_wrong",
        ViolationKind.EofNotOnce => "eof_not_once",
        ViolationKind.HangupMissing => "hangup_missing",
        ViolationKind.HangupUnexpected => "hangup_unexpected",
        ViolationKind.CallHung => "call_hung",
        ViolationKind.MinorLeak => "minor_leak",
        ViolationKind.MinorLimitExceeded => "minor_limit_exceeded",
        ViolationKind.DeadLetter => "dead_letter",
        ViolationKind.MemoryBudget => "memory_budget",
        ViolationKind.WorkloadHung => "workload_hung",
        ViolationKind.HarnessError => "harness_error",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
