namespace Ptm.Actors.Cluster;

/// <summary>A manager opened through a <see cref="PtyNode"/>: its handle on this node and the cluster-wide name of its subsidiary (CL2).</summary>
/// <param name="Handle">
/// The manager, on the node that opened it: its calls never leave this node (CL5). Its
/// <see cref="PtyHandle.Minor"/>, <see cref="ManagerHandle.GetSubsidiaryNameAsync"/> and
/// <see cref="ManagerHandle.OpenSubsidiaryAsync"/> know only the node-local slot, which opens
/// nothing (ENOENT, CL4): open the subsidiary by <paramref name="Name"/>.
/// </param>
/// <param name="Name">"/dev/pts/N" in the cluster's namespace (CL1): open it from any node with <see cref="PtyNode.OpenSubsidiaryAsync"/>.</param>
public sealed record ClusterManager(ManagerHandle Handle, string Name);
