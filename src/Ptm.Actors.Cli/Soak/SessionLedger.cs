namespace Ptm.Actors.Cli.Soak;

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

    /// <summary>The manager's close drains ptm's queue into the subsidiary first (H3): its outcome comes with ManagerClosed.</summary>
    public bool ManagerCloseDrains { get; set; }

    /// <summary>The newest epoch opened so far (0 before the first subsidiary open).</summary>
    public int LatestEpoch { get; set; }

    /// <summary>Epochs still of interest; settled old ones are pruned so memory stays O(live sessions).</summary>
    public Dictionary<int, EpochLedger> Epochs { get; } = new();

    /// <summary>Calls started and not yet completed, by call id, with the operation name.</summary>
    public Dictionary<long, string> OpenCalls { get; } = new();
}
