using Akka.Actor;
using Akka.Event;

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

/// <summary>
/// CL9.1, CL11: a message to a peer on another node, with its number in the pair's traffic in
/// that direction (1, 2, 3, ...). A number out of turn is a message lost in between.
/// </summary>
internal sealed record Sequenced(long Number, object Message) : IDeadLetterSuppression;

/// <summary>CL11: sent, numbered, by a side that has sent its remote peer nothing for a while, so a lost last message is noticed.</summary>
internal sealed record PeerProbe : IDeadLetterSuppression
{
    public static readonly PeerProbe Instance = new();
}

/// <summary>CL11: the sender no longer counts the receiver as its peer (it saw a hole, or already let go): the pair ends as a node loss would (CL6).</summary>
internal sealed record PairBroken : IDeadLetterSuppression
{
    public static readonly PairBroken Instance = new();
}
