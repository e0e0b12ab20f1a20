namespace Ptm.Actors.TestKit.Soak;

/// <summary>
/// A soak run's settings (the command's options parse and check them). Fault rates are the
/// probability, per operation a session performs, that the workload injects that fault there.
/// </summary>
public sealed record SoakOptions
{
    internal static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(60);
    internal const int DefaultPtys = 1000;
    internal const int MaxPtys = 100_000;
    internal static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);
    // Covers the driver's teardown, which gives a blocking close its 15 s drain (H3) before it
    // calls anything hung (about 23 s), then the settling of the minors and the disposal (5 s each).
    internal static readonly TimeSpan DefaultTeardownGrace = TimeSpan.FromSeconds(45);

    /// <summary>Default per-operation rates: rare crashes, more frequent reader trouble.</summary>
    internal static IReadOnlyDictionary<FaultKind, double> DefaultFaultRates { get; } = new Dictionary<FaultKind, double>
    {
        [FaultKind.CrashManager] = 0.0005,
        [FaultKind.CrashSubsidiary] = 0.0005,
        [FaultKind.AbruptClose] = 0.001,
        [FaultKind.StalledReader] = 0.002,
        [FaultKind.SlowReader] = 0.005,
        [FaultKind.CloneBurst] = 0.0002,
        [FaultKind.TimerDelay] = 0.005,
        [FaultKind.CrashLoneManager] = 0.0005,
        [FaultKind.ReopenBeforeEof] = 0.001,
        [FaultKind.ReopenAfterCrash] = 0.0005,
    };

    /// <summary>How long the workload runs (in the dispatcher's time when Deterministic).</summary>
    public TimeSpan Duration { get; init; } = DefaultDuration;

    /// <summary>How many ptys are live at once (the pty workload's; a host workload may read it as it likes).</summary>
    public int Ptys { get; init; } = DefaultPtys;

    /// <summary>Seeds every random choice of the workload: the same seed gives the same workload.</summary>
    public long Seed { get; init; }

    /// <summary>Run on the TestKit's seeded dispatcher and virtual time (replayable by Seed): Duration is virtual time.</summary>
    public bool Deterministic { get; init; }

    /// <summary>Where to write the report as JSON, or null.</summary>
    internal string? JsonPath { get; init; }

    internal IReadOnlyDictionary<FaultKind, double> FaultRates { get; init; } = DefaultFaultRates;

    internal MemoryBudget MemoryBudget { get; init; } = MemoryBudget.Default;

    /// <summary>How long the workload may take to return once its run is over or cancelled before it counts as hung.</summary>
    public TimeSpan TeardownGrace { get; init; } = DefaultTeardownGrace;

    /// <summary>The default share of sessions that push ptem and ldterm and run terminal operations.</summary>
    internal const double DefaultTerminalShare = 0.25;

    /// <summary>The share of sessions (0 to 1) that are terminal sessions: ptem and ldterm pushed on the subsidiary (M1, M3).</summary>
    internal double TerminalShare { get; init; } = DefaultTerminalShare;

    internal double FaultRate(FaultKind kind) => FaultRates.TryGetValue(kind, out var rate) ? rate : 0;
}
