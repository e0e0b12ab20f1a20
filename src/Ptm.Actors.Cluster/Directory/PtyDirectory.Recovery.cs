using Akka.Actor;
using Akka.Cluster;

namespace Ptm.Actors.Cluster.Directory;

/// <summary>
/// A starting directory's recovery (CL1): it recalls from every member's registrar what that
/// node registered and is still alive, restores the names as they were, and only then answers
/// requests (they wait in the stash). It asks again every second until each member has
/// answered or has been removed from the cluster: a member that is unreachable at the hand-over
/// (a partition) holds the directory back until it answers or is downed, because the names of
/// its live ptys must not be given again. Opens and registrations meanwhile wait, and those
/// whose ask runs out fail, to be tried again.
/// </summary>
internal sealed partial class PtyDirectory
{
    private static readonly TimeSpan RecallInterval = TimeSpan.FromSeconds(1);

    private sealed class Recovery(Address self, IEnumerable<Address> members, ICancelable recallAgain)
    {
        public Address Self { get; } = self;
        public HashSet<Address> Awaited { get; } = [.. members];
        public ICancelable RecallAgain { get; } = recallAgain;
        public List<RememberedManager> Managers { get; } = [];
        public List<RegisterSubsidiary> Subsidiaries { get; } = [];
    }

    private sealed record RecallAgain
    {
        public static readonly RecallAgain Instance = new();
    }

    private Recovery? _recovery;

    private void StartRecovery(Akka.Cluster.Cluster cluster)
    {
        var members = cluster.State.Members
            .Where(m => m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Leaving or MemberStatus.Joining)
            .Select(m => m.Address)
            .Append(cluster.SelfAddress)
            .Distinct()
            .ToList();
        _recovery = new Recovery(cluster.SelfAddress, members,
            Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(RecallInterval, RecallInterval, Self, RecallAgain.Instance, Self));
        Recall(members);
    }

    private void Recall(IEnumerable<Address> members)
    {
        foreach (var address in members)
            Context.ActorSelection(new RootActorPath(address) / "user" / "ptys-registrar").Tell(Directory.Recall.Instance, Self);
    }

    private void Recover(object message)
    {
        var recovery = _recovery!;
        switch (message)
        {
            case Recollection recollection:
                var from = Sender.Path.Address.HasLocalScope ? recovery.Self : Sender.Path.Address; // this node's registrar answers with a local ref
                if (!recovery.Awaited.Remove(from)) return; // a second answer to a question asked again
                recovery.Managers.AddRange(recollection.Managers);
                recovery.Subsidiaries.AddRange(recollection.Subsidiaries);
                break;
            case RecallAgain: Recall(recovery.Awaited.ToList()); return;
            case ClusterEvent.MemberRemoved removed:
                recovery.Awaited.Remove(removed.Member.Address); // its ptys are lost with it (CL6): nothing to restore
                Stash.Stash(); // its reservations are dropped once the names are back (NodeLeft)
                break;
            default: Stash.Stash(); return;
        }
        if (recovery.Awaited.Count == 0) EndRecovery();
    }
    /// <summary>Managers first (they own the names), then the streams registered under them.</summary>
    private void EndRecovery()
    {
        var recovery = _recovery!;
        _recovery = null;
        recovery.RecallAgain.Cancel();
        foreach (var manager in recovery.Managers)
        {
            if (_names.ContainsKey(manager.Minor)) continue; // two claims of one name cannot happen; keep the first
            var name = new Name(manager.Minor, manager.Manager, manager.LocalClone, manager.LocalMinor);
            _names.Add(manager.Minor, name);
            Track(manager.Manager, name);
        }
        foreach (var subsidiary in recovery.Subsidiaries) RegisterSubsidiary(subsidiary);
        Stash.UnstashAll();
    }
}
