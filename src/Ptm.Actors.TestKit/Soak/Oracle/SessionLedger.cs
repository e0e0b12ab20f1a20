namespace Ptm.Actors.TestKit.Soak.Oracle;

/// <summary>What the checker knows about one subsidiary open epoch of a session.</summary>
internal sealed class EpochLedger
{
    public EpochLedger(long session, int epoch)
    {
        Epoch = epoch;
        ManagerToSubsidiary = new StreamLedger(new StreamKey(session, Direction.ManagerToSubsidiary, epoch));
        SubsidiaryToManager = new StreamLedger(new StreamKey(session, Direction.SubsidiaryToManager, epoch));
    }

    public int Epoch { get; }
    public StreamLedger ManagerToSubsidiary { get; }
    public StreamLedger SubsidiaryToManager { get; }

    /// <summary>The last close (or crash) of the epoch has been announced.</summary>
    public bool Closing { get; set; }
    public SideEnd ClosedBy { get; set; }

    /// <summary>The last close has completed.</summary>
    public bool Closed { get; set; }

    /// <summary>The manager had not begun to close when this epoch's last close began, so L13 owes it one EOF.</summary>
    public bool EofOwed { get; set; }
    public int EofCount { get; set; }
    public bool EofMissingReported { get; set; }

    /// <summary>A flush of the manager's read side may have discarded this epoch's EOF (D4, D5, D6).</summary>
    public bool EofMayBeFlushed { get; set; }

    /// <summary>The epoch was open when its manager's close completed, so L15 owes it a hang-up.</summary>
    public bool HangupOwed { get; set; }
    public bool HangupSeen { get; set; }

    /// <summary>ptem and ldterm are pushed on this epoch's subsidiary: its bytes are judged here, not by the StreamLedgers.</summary>
    public TerminalLedger? Terminal { get; set; }

    /// <summary>Nothing more is expected of this epoch: its streams can be forgotten.</summary>
    public bool Settled => Closing && (!EofOwed || EofCount > 0);

    public StreamLedger Stream(Direction direction) =>
        direction == Direction.ManagerToSubsidiary ? ManagerToSubsidiary : SubsidiaryToManager;
}

/// <summary>What the checker knows about one live session (one pty).</summary>
internal sealed class SessionLedger
{
    public SessionLedger(long session, int minor)
    {
        Session = session;
        Minor = minor;
    }

    public long Session { get; }
    public int Minor { get; }

    public bool ManagerClosing { get; set; }
    public bool ManagerClosed { get; set; }

    /// <summary>How the manager ended (with ManagerClosing).</summary>
    public SideEnd ManagerEnd { get; set; }

    /// <summary>Why every call of the session is owed an answer once ManagerClosed.</summary>
    public string ManagerGoneWhy => ManagerEnd == SideEnd.Crash
        ? "its manager crashed (PD13: the subsidiary is hung up, L15)"
        : "its manager's close completed (L14: the subsidiary is hung up, L15)";

    /// <summary>The manager's close drains ptm's queue into the subsidiary first (H3): its outcome comes with ManagerClosed.</summary>
    public bool ManagerCloseDrains { get; set; }

    /// <summary>The newest epoch opened so far (0 before the first subsidiary open).</summary>
    public int LatestEpoch { get; set; }

    /// <summary>Epochs still of interest; settled old ones are pruned so memory stays O(live sessions).</summary>
    public Dictionary<int, EpochLedger> Epochs { get; } = new();

    /// <summary>Calls started and not yet completed, by call id.</summary>
    public Dictionary<long, OpenCall> OpenCalls { get; } = new();
}

/// <summary>
/// A call the checker has seen start and not yet complete, and whether the rules now owe it an
/// answer: then it must complete before Due (in the system's time), else it is call_hung.
/// </summary>
internal sealed class OpenCall(string operation)
{
    public string Operation { get; } = operation;
    public Side Side { get; } = SoakOperations.SideOf(operation);
    public bool IsRead { get; } = SoakOperations.IsRead(operation);

    /// <summary>Opens and closes end at the Clone actor (L16, R7), whose pace the timer_delay fault slows without bound: never owed, only hung at teardown.</summary>
    public bool EndsAtClone { get; } = SoakOperations.EndsAtClone(operation);

    /// <summary>When the answer became owed plus the patience, in ticks of the system's time; long.MaxValue while nothing is owed.</summary>
    public long DueTicks { get; set; } = long.MaxValue;

    /// <summary>When the answer became owed (ticks), for the longest wait the checker saw.</summary>
    public long OwedSinceTicks { get; set; }

    /// <summary>What made the answer owed, for the violation's text.</summary>
    public string Why { get; set; } = "";

    /// <summary>Owed only because the manager read queue holds this subsidiary epoch's EOF (L13): rechecked when due, since a flush may have discarded it.</summary>
    public int EofEpoch { get; set; }

    /// <summary>Already reported as call_hung: not again at teardown.</summary>
    public bool Hung { get; set; }

    public bool Owed => DueTicks != long.MaxValue;
}

/// <summary>How the checker reads an operation's name (the workload's naming, CallStarted).</summary>
internal static class SoakOperations
{
    public static Side SideOf(string operation) =>
        operation.EndsWith("_m", StringComparison.Ordinal) || operation is "grantpt" or "unlockpt" or "ptsname" ? Side.Manager : Side.Subsidiary;

    public static bool IsRead(string operation) => operation.StartsWith("read_", StringComparison.Ordinal);

    public static bool EndsAtClone(string operation) =>
        operation.StartsWith("open_", StringComparison.Ordinal) || operation.StartsWith("close_", StringComparison.Ordinal);
}
