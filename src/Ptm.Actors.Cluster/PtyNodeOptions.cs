namespace Ptm.Actors.Cluster;

/// <summary>How a <see cref="PtyNode"/> joins its cluster: where it listens, whom it joins, how fast it gives up on a silent node.</summary>
public sealed record PtyNodeOptions
{
    /// <summary>The cluster's name: every node of one simulated machine uses the same (the actor systems' name).</summary>
    public string ClusterName { get; init; } = "ptm";

    /// <summary>The address Akka.Remote listens on; loopback by default (issue 17: tests and the soak use loopback only).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port; 0 takes a free one (<see cref="PtyNode.Address"/> then says which).</summary>
    public int Port { get; init; }

    /// <summary>
    /// Seed nodes' addresses (<c>akka.tcp://ptm@127.0.0.1:4711</c>); empty: this node is the first
    /// and joins itself, so it is the oldest and runs the directory (CL1).
    /// </summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>
    /// How long a node may stay silent before the failure detector marks it unreachable (the
    /// acceptable heartbeat pause). With <see cref="DowningDelay"/> it bounds how late a lost
    /// node's peers see its sides end (CL6); until then they see nothing (CL7).
    /// </summary>
    public TimeSpan FailureDetection { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the split-brain resolver (keep-majority) waits for a stable view before it downs
    /// the unreachable side (CL6); null: as long as <see cref="FailureDetection"/>. A partition
    /// that heals sooner downs nobody (CL11).
    /// </summary>
    public TimeSpan? DowningDelay { get; init; }

    /// <summary>
    /// CL11: a side whose peer runs on another node, and that has sent it nothing for this long,
    /// sends it a numbered probe. A message lost in a partition that healed before any node was
    /// downed is thus found within about two intervals, and ends the pair as a node loss would
    /// (CL6). One small message a pair side an interval while idle.
    /// </summary>
    public TimeSpan PairProbeInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Tests only: HOCON over the node's own, e.g. Akka.Remote's throttler in front of TCP, so a test can black-hole a link without closing it (CL11).</summary>
    internal string? TestHocon { get; init; }

    /// <summary>The pty subsystem of this node (its local Clone's limits, dispatcher).</summary>
    public PtySystemOptions Ptys { get; init; } = new();

    /// <summary>
    /// Akka.NET's own log level for the node's actor system (OFF, ERROR, WARNING, INFO, DEBUG);
    /// its default logger writes to standard output, so a command whose output is data says OFF.
    /// </summary>
    public string ActorLogLevel { get; init; } = "WARNING";

    /// <summary>Names the directory gives at most, cluster-wide (PD2); 0: no limit.</summary>
    public int MaxNames { get; init; }
}
