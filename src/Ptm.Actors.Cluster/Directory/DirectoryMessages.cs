using Akka.Actor;

namespace Ptm.Actors.Cluster.Directory;

// The directory's protocol (CL1-CL4, CL8). Every message crosses nodes, so each has a wire form
// in DirectoryWire; refs travel with their uid.

/// <summary>A manager has opened on its node (CL2): give it a name. <paramref name="LocalClone"/> describes it to opening nodes (CL3).</summary>
internal sealed record RegisterManager(IActorRef Manager, IActorRef LocalClone, int LocalMinor);

/// <summary>The name given (/dev/pts/<paramref name="Minor"/>), or the errno of a refusal (ENOMEM when the directory is full, PD2).</summary>
internal sealed record ManagerRegistered(int Minor, Errno Error);

/// <summary>An open of /dev/pts/<paramref name="Minor"/> from the node at <paramref name="From"/> (CL3, CL4).</summary>
internal sealed record LookUpName(int Minor, string From);

/// <summary>Where the pty's manager is: its node's Clone and node-local minor; or ENOENT (L8), or EAGAIN (CL4).</summary>
internal sealed record NameFound(IActorRef? Manager, IActorRef? LocalClone, int LocalMinor, Errno Error);

/// <summary>A subsidiary stream opened under the name on the node at <paramref name="From"/>: watched until it ends (CL4, CL8).</summary>
internal sealed record RegisterSubsidiary(int Minor, IActorRef Manager, IActorRef Subsidiary, string From);

/// <summary>An open that <see cref="LookUpName"/> admitted from <paramref name="From"/> failed or was cancelled: its reservation ends (CL4).</summary>
internal sealed record OpenAbandoned(int Minor, string From);

/// <summary>How many names are given now (L16 across the cluster: zero once every pty is gone).</summary>
internal sealed record CountNames
{
    public static readonly CountNames Instance = new();
}

/// <summary>The answer to <see cref="CountNames"/>.</summary>
internal sealed record NameCount(int Count);

/// <summary>A manager this node registered, and the name it was given: what a new directory restores (CL1).</summary>
internal sealed record RememberedManager(int Minor, IActorRef Manager, IActorRef LocalClone, int LocalMinor);

/// <summary>A directory that has just started asks each node what it registered that is still alive (CL1).</summary>
internal sealed record Recall
{
    public static readonly Recall Instance = new();
}

/// <summary>A node's answer to <see cref="Recall"/>.</summary>
internal sealed record Recollection(RememberedManager[] Managers, RegisterSubsidiary[] Subsidiaries);
