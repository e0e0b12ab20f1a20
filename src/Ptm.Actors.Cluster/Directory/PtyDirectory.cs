using Akka.Actor;
using Akka.Cluster;
using Akka.Util.Internal;
using Ptm.Actors.Pty;

namespace Ptm.Actors.Cluster.Directory;

/*
 * The directory: the cluster's /dev/pts namespace, one cluster singleton a simulated machine (CL1).
 *
 * It gives each manager registered from any node the lowest free name (PD1), tells an opening
 * node where a name's manager is (CL3), keeps one subsidiary stream a pty (CL4), and frees a
 * name once its manager and every subsidiary registered under it have terminated (CL8, L16).
 * It learns of every end through death-watch, which across nodes also reports a node that
 * was removed from the cluster (CL6): closes, crashes and lost nodes are one path here.
 *
 * CL4 holds from the look-up on: an admitted look-up reserves the stream for its node until
 * the subsidiary registers, the open is abandoned, or that node leaves the cluster.
 *
 * It starts empty on whatever node is the oldest, also after a hand-over (its node left), so
 * it first recalls what every node registered that is still alive (PtyDirectory.Recovery.cs)
 * and gives no name until every member has answered or left the cluster: live ptys keep
 * their names (CL1), also those of a node a partition hides at the hand-over.
 */
internal sealed partial class PtyDirectory : UntypedActor, IWithUnboundedStash
{
    private readonly int _maxNames;
    private readonly SortedDictionary<int, Name> _names = new();
    private readonly Dictionary<IActorRef, Name> _bySide = new(ActorRefComparer.Instance);

    public PtyDirectory(int maxNames) => _maxNames = maxNames;

    private sealed class Name(int minor, IActorRef manager, IActorRef clone, int localMinor)
    {
        public int Minor { get; } = minor;
        public IActorRef? Manager { get; set; } = manager;
        public IActorRef Clone { get; } = clone;
        public int LocalMinor { get; } = localMinor;
        public List<IActorRef> Subsidiaries { get; } = [];

        /// <summary>The node whose subsidiary stream is open now (CL4), while one is.</summary>
        public string? SubsidiaryNode { get; set; }

        /// <summary>The node whose admitted open has not registered its subsidiary yet (CL4).</summary>
        public string? Opening { get; set; }

        public string? StreamNode => SubsidiaryNode ?? Opening;
    }

    /// <summary>Requests that arrive while the directory recalls the nodes' registrations wait here.</summary>
    public IStash Stash { get; set; } = null!;

    protected override void OnReceive(object message)
    {
        if (_recovery is not null)
        {
            Recover(message);
            return;
        }
        switch (message)
        {
            case RegisterManager register: Register(register); break;
            case LookUpName lookUp: Sender.Tell(LookUp(lookUp), Self); break;
            case RegisterSubsidiary subsidiary: RegisterSubsidiary(subsidiary); break;
            case Terminated terminated: SideGone(terminated.ActorRef); break;
            case OpenAbandoned abandoned: Abandon(abandoned.Minor, abandoned.From); break;
            case ClusterEvent.MemberRemoved removed: NodeLeft(removed.Member.Address.ToString()); break;
            case ClusterEvent.CurrentClusterState: break;
            case CountNames: Sender.Tell(new NameCount(_names.Count), Self); break;
            default: Unhandled(message); break;
        }
    }

    private void Register(RegisterManager register)
    {
        if (_bySide.TryGetValue(register.Manager, out var known))
        {
            Sender.Tell(new ManagerRegistered(known.Minor, Errno.None), Self); // a retried registration
            return;
        }
        var minor = LowestFree();
        if (_maxNames > 0 && _names.Count >= _maxNames)
        {
            Sender.Tell(new ManagerRegistered(0, Errno.ENOMEM), Self); // PD2, cluster-wide
            return;
        }
        var name = new Name(minor, register.Manager, register.LocalClone, register.LocalMinor);
        _names.Add(minor, name);
        Track(register.Manager, name);
        Sender.Tell(new ManagerRegistered(minor, Errno.None), Self);
    }

    /// <summary>PD1: the lowest minor >= 1 no pty holds.</summary>
    private int LowestFree()
    {
        var minor = 1;
        foreach (var taken in _names.Keys)
        {
            if (taken != minor) break;
            minor++;
        }
        return minor;
    }

    private NameFound LookUp(LookUpName lookUp)
    {
        if (!_names.TryGetValue(lookUp.Minor, out var name))
            return new NameFound(null, null, 0, Errno.ENOENT); // L8: no such name
        if (name.Manager is null)
            return new NameFound(null, null, 0, Errno.EAGAIN); // PD3: the manager is gone, a subsidiary still holds the name
        if (name.StreamNode is { } node && node != lookUp.From)
            return new NameFound(null, null, 0, Errno.EAGAIN); // CL4
        if (name.SubsidiaryNode is null) name.Opening = lookUp.From; // reserved until it registers or gives up
        return new NameFound(name.Manager, name.Clone, name.LocalMinor, Errno.None);
    }

    private void RegisterSubsidiary(RegisterSubsidiary register)
    {
        // A registration for a name whose manager has changed or gone is about an earlier pty:
        // the subsidiary has been hung up already (R6, CL6), and the name is not its to hold.
        if (!_names.TryGetValue(register.Minor, out var name) || name.Manager is null || !RefIdentity.Same(name.Manager, register.Manager)) return;
        if (name.Subsidiaries.Exists(known => RefIdentity.Same(known, register.Subsidiary))) return; // another open joined it (L9)
        name.Subsidiaries.Add(register.Subsidiary);
        name.SubsidiaryNode = register.From;
        name.Opening = null;
        Track(register.Subsidiary, name);
    }

    /// <summary>A side closed, crashed or was lost with its node (CL6): the name is free once all are gone (CL8).</summary>
    private void SideGone(IActorRef side)
    {
        if (!_bySide.Remove(side, out var name)) return;
        if (RefIdentity.Same(side, name.Manager)) name.Manager = null;
        else
        {
            name.Subsidiaries.RemoveAll(known => RefIdentity.Same(known, side));
            if (name.Subsidiaries.Count == 0) name.SubsidiaryNode = null;
        }
        if (name.Manager is null && name.Subsidiaries.Count == 0) _names.Remove(name.Minor);
    }

    private void Abandon(int minor, string from)
    {
        if (_names.TryGetValue(minor, out var name) && name.Opening == from) name.Opening = null;
    }

    /// <summary>A node that left (or was downed) mid-open will never register its subsidiary.</summary>
    private void NodeLeft(string address)
    {
        foreach (var name in _names.Values)
            if (name.Opening == address) name.Opening = null;
    }

    protected override void PreStart()
    {
        if (Context.System.AsInstanceOf<ExtendedActorSystem>().Provider is not Akka.Cluster.ClusterActorRefProvider) return;
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberRemoved));
        StartRecovery(cluster);
    }

    protected override void PostStop()
    {
        _recovery?.RecallAgain.Cancel();
        if (Context.System.AsInstanceOf<ExtendedActorSystem>().Provider is Akka.Cluster.ClusterActorRefProvider)
            Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
    }

    private void Track(IActorRef side, Name name)
    {
        Context.Watch(side);
        _bySide[side] = name;
    }
}
