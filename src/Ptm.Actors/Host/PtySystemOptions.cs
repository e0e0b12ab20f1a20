namespace Ptm.Actors;

/// <summary>The subsystem's tunables (N1, N2, PD2) and how its actors run.</summary>
public sealed record PtySystemOptions
{
    /// <summary>
    /// CL11 (specs/cluster): how long a side whose peer runs on another node may send it nothing
    /// before it sends a numbered probe, so that a message lost in a partition that healed is
    /// noticed. Set by Ptm.Actors.Cluster; a pair on one node never probes.
    /// </summary>
    internal TimeSpan PeerProbeInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>pt_max_pty: the administrator maximum; 0 = no limit (PD2). Refusal is ENOMEM.</summary>
    public int MaxPtys { get; init; }

    /// <summary>pt_cnt: below this many ptys in use, allocation is always attempted.</summary>
    public int MinimumPtys { get; init; }

    /// <summary>pt_init_cnt: the initial slot-table size (16).</summary>
    public int InitialTableSize { get; init; } = 16;

    /// <summary>pt_maxdelta: the largest growth step of the slot table (128).</summary>
    public int MaxTableGrowth { get; init; } = 128;

    /// <summary>ptms_ptymax: the memory-derived maximum of N2 (a power of two).</summary>
    public int MemoryDerivedMaximum { get; init; } = 1 << 24;

    /// <summary>
    /// The Akka.NET dispatcher the pty actors run on: <c>ptm.dispatcher</c> (reference.conf: the
    /// chaining executor and the compact mailbox) unless a host or the TestKit names another.
    /// </summary>
    public string Dispatcher { get; init; } = Runtime.PtyConfig.DefaultDispatcher;

    /// <summary>
    /// Complete call Tasks inside the actor's turn, so a continuation registered with
    /// ExecuteSynchronously has run before the system can be idle. Only for drivers that never
    /// block in a continuation, such as the scenario runner. The default resumes a caller on the
    /// actor's thread once its turn is over, never inside it (CallCompletion).
    /// </summary>
    public bool InlineCompletions { get; init; }

    /// <summary>
    /// M4.6 autopush (/etc/iu.ap): modules pushed, in this order, at each subsidiary stream's first
    /// open, e.g. <c>["ptem", "ldterm", "ttcompat"]</c>. Empty by default: as the man page says, the
    /// user may push modules; a bare subsidiary is not a terminal (L20).
    /// </summary>
    public IReadOnlyList<string> Autopush { get; init; } = Array.Empty<string>();

    internal void Validate()
    {
        foreach (var module in Autopush ?? throw new ArgumentNullException(nameof(Autopush)))
            if (!Modules.ModuleRegistry.IsKnown(module)) throw new ArgumentException($"Autopush names a module there is none of: '{module}' (known: {string.Join(", ", Modules.ModuleRegistry.Names.Order())}).", nameof(Autopush));
        if (Autopush.Count > Modules.ModuleRegistry.MaxPushed) throw new ArgumentException($"Autopush lists {Autopush.Count} modules; a stream holds at most {Modules.ModuleRegistry.MaxPushed} (nstrpush).", nameof(Autopush));
        if (MaxPtys < 0) throw new ArgumentOutOfRangeException(nameof(MaxPtys), MaxPtys, "pt_max_pty must not be negative.");
        if (MinimumPtys < 0) throw new ArgumentOutOfRangeException(nameof(MinimumPtys), MinimumPtys, "pt_cnt must not be negative.");
        if (InitialTableSize < 1) throw new ArgumentOutOfRangeException(nameof(InitialTableSize), InitialTableSize, "pt_init_cnt must be at least 1.");
        if (MaxTableGrowth < 1) throw new ArgumentOutOfRangeException(nameof(MaxTableGrowth), MaxTableGrowth, "pt_maxdelta must be at least 1.");
        if (string.IsNullOrWhiteSpace(Dispatcher)) throw new ArgumentException("The dispatcher id must not be empty.", nameof(Dispatcher));
        if (MemoryDerivedMaximum < 1) throw new ArgumentOutOfRangeException(nameof(MemoryDerivedMaximum), MemoryDerivedMaximum, "The memory-derived maximum must be at least 1.");
    }
}
