using Akka.Actor;
using Akka.Event;

namespace Ptm.Actors.Pty;

/// <summary>
/// One pty's shared bookkeeping (struct pt_ttys, section 1.1), owned by the Clone actor. The
/// side actors replace ptm_rdq/pts_rdq; "closing" flags replace the refcount brackets.
/// </summary>
internal sealed class PtyEntry(int minor, int zone)
{
    public int Minor { get; } = minor;
    public PtyState State { get; set; } = PtyState.PTMOPEN | PtyState.PTLOCK; // L3
    public int Zone { get; set; } = zone;

    /// <summary>Owner reported for /dev/pts/N: root until OWNERPT (L3, L8).</summary>
    public long Uid { get; set; }

    public long Gid { get; set; }
    public IActorRef? Manager { get; set; }
    public IActorRef? Subsidiary { get; set; }

    /// <summary>The manager has begun to close or has crashed: new subsidiary opens fail EAGAIN (PD3, R6).</summary>
    public bool ManagerClosing { get; set; }

    /// <summary>The subsidiary stream is in its last close: new opens wait (R7).</summary>
    public bool SubsidiaryClosing { get; set; }

    /// <summary>Close calls that complete once this actor has processed the side's Terminated.</summary>
    public CloseRequest? ManagerClose { get; set; }

    public CloseRequest? SubsidiaryClose { get; set; }

    /// <summary>Opens that arrived during a subsidiary last close, evaluated when it completes (R7).</summary>
    public List<OpenSubsidiaryRequest>? WaitingOpens { get; set; }

    /// <summary>
    /// A cluster directory names this pty (specs/cluster, CL1, CL4): its node-local slot is no
    /// name, so only a PtyNode's open, which the directory has admitted, may reach it.
    /// </summary>
    public bool ClusterNamed { get; set; }

    public bool Has(PtyState bits) => (State & bits) != 0;
}
