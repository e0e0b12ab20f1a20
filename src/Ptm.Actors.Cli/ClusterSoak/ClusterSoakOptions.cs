namespace Ptm.Actors.Cli.ClusterSoak;

/// <summary>How `ptm soak --nodes N` runs: its nodes, sessions, faults and how long each rule may take.</summary>
internal sealed record ClusterSoakOptions
{
    /// <summary>At least three: a node kill must leave a majority, or keep-majority downs the survivors too (CL6).</summary>
    public const int MinNodes = 3;
    public const int MaxNodes = 9;
    public const int DefaultPtys = 24;
    public static readonly TimeSpan DefaultNodeKillInterval = TimeSpan.FromSeconds(15);

    public int Nodes { get; init; } = MinNodes;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Sessions live at once, each a manager on one node and its subsidiary on another.</summary>
    public int Ptys { get; init; } = DefaultPtys;

    public long Seed { get; init; }

    /// <summary>The mean time between node kills (each node_kill picks a live node at random); zero: none.</summary>
    public TimeSpan NodeKillInterval { get; init; } = DefaultNodeKillInterval;

    /// <summary>How long a killed node stays down before its slot starts a new process.</summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The nodes' failure detection (PtyNodeOptions.FailureDetection): with downing, the floor of every patience below.</summary>
    public TimeSpan FailureDetection { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a side may take to end after its peer's node was killed (CL6: detection, downing,
    /// Terminated), to read what was accepted (CL9) or to read end of file after a close (L13),
    /// before it counts as call_hung, data_loss or eof_not_once. Wall-clock: the nodes are processes.
    /// </summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>Where JSON goes (null: nowhere, "-": stdout).</summary>
    public string? JsonPath { get; init; }
}
