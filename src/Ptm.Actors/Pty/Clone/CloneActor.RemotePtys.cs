using Akka.Actor;

namespace Ptm.Actors.Pty;

/// <summary>
/// A node's half of a pty whose sides run on different cluster nodes (specs/cluster, CL3, CL8).
/// The manager's node describes its entry; the opening node copies that snapshot into an entry
/// of its own whose manager is the remote manager, and then opens it as any other (L8, L7, L9),
/// so the subsidiary runs here, a child of this Clone. Each request is answered to its sender:
/// a description to the opening node (it crosses the network, Ptm.Actors.Cluster serializes
/// it), an adoption to this node's own PtyNode.
/// </summary>
internal sealed partial class CloneActor
{
    /// <summary>CL3: the state a subsidiary opened on another node is checked against.</summary>
    private void Describe(DescribePty describe)
    {
        var entry = _table.Find(describe.Minor);
        Sender.Tell(entry is { Manager: { } manager }
            ? new PtyDescription(describe.Minor, manager, entry.Has(PtyState.PTLOCK), entry.ManagerClosing, entry.Zone, entry.Uid, entry.Gid)
            : new PtyDescription(describe.Minor, null, Locked: true, ManagerClosing: true, 0, 0, 0), Self);
    }

    /// <summary>
    /// CL3: one entry a remote manager, made on its first open here and refreshed by later ones;
    /// its manager's Terminated (a close, a crash, a lost node: CL6) arrives like a local side's,
    /// and the slot is freed once that and the subsidiary's have arrived (CL8, L16).
    /// </summary>
    private void Adopt(AdoptRemotePty adopt)
    {
        if (_bySide.TryGetValue(adopt.Manager, out var known))
        {
            if (!known.ManagerClosing) Refresh(known, adopt);
            Sender.Tell(new RemotePtyAdopted(known.Minor, Errno.None), Self);
            return;
        }
        if (!_table.Admits())
        {
            Sender.Tell(new RemotePtyAdopted(0, Errno.ENOMEM), Self); // PD2: a node's own limit counts remote ptys too
            return;
        }
        var entry = _table.Allocate(adopt.Zone);
        entry.State = PtyState.PTMOPEN | PtyState.PTLOCK;
        entry.ClusterNamed = true; // CL4: opened only as the directory admits
        Refresh(entry, adopt);
        entry.Manager = adopt.Manager;
        _statistics.Allocated = _table.InUse;
        _statistics.RecordPeak(_table.InUse);
        Track(adopt.Manager, entry);
        Sender.Tell(new RemotePtyAdopted(entry.Minor, Errno.None), Self);
    }

    /// <summary>CL4: the manager's own entry, once the directory has named it; still locked (L7.5), so no open came before.</summary>
    private void NameInCluster(NamedInCluster named)
    {
        if (_table.Find(named.Minor) is { } entry && RefIdentity.Same(entry.Manager, named.Manager)) entry.ClusterNamed = true;
    }

    /// <summary>The newer snapshot wins, except that unlocking is one-way (I2): a stale snapshot never locks again.</summary>
    private static void Refresh(PtyEntry entry, AdoptRemotePty adopt)
    {
        if (!adopt.Locked) entry.State &= ~PtyState.PTLOCK;
        entry.Zone = adopt.Zone;
        entry.Uid = adopt.Uid;
        entry.Gid = adopt.Gid;
    }
}
