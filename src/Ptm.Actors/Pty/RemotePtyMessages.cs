using Akka.Actor;

namespace Ptm.Actors.Pty;

// What Ptm.Actors.Cluster asks a node's Clone about ptys whose sides run on different nodes
// (specs/cluster, CL3): DescribePty and its answer cross the network (the opening node asks the
// manager's node); AdoptRemotePty and its answer stay on the opening node.

/// <summary>The manager's node: the state of its pty with this node-local minor.</summary>
internal sealed record DescribePty(int Minor);

/// <summary>
/// The answer to <see cref="DescribePty"/>: the manager (null when no manager holds the minor,
/// which an open reads as ENOENT), the lock bit (L6), whether the manager has begun to close
/// (PD3), and the zone and owner the /dev/pts lookup checks (L8).
/// </summary>
internal sealed record PtyDescription(int Minor, IActorRef? Manager, bool Locked, bool ManagerClosing, int Zone, long Uid, long Gid);

/// <summary>The opening node: an entry here for a pty whose manager runs on another node, from its description.</summary>
internal sealed record AdoptRemotePty(IActorRef Manager, bool Locked, int Zone, long Uid, long Gid);

/// <summary>The manager's node: the directory has named this node-local entry (CL1), which from now on opens only as the directory admits (CL4).</summary>
internal sealed record NamedInCluster(int Minor, IActorRef Manager);

/// <summary>The node-local minor of the adopted entry, to open as /dev/pts/N on this node; or ENOMEM (PD2).</summary>
internal sealed record RemotePtyAdopted(int Minor, Errno Error);
