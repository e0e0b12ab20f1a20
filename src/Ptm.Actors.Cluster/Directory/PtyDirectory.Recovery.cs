using Akka.Actor;
using Akka.Cluster;

namespace Ptm.Actors.Cluster.Directory;

/// <summary>
/// A starting directory's recovery (CL1): it recalls from every member's registrar what that
/// node registered and is still alive, restores the names as they were, and only then answers
/// requests (they wait in the stash). A node that does not answer within the bound (it is
/// unreachable, or has just left) is given up: its ptys' names are then unknown here.
/// </summary>
internal sealed partial class PtyDirectory
{
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(5);

    private sealed class Recovery(int awaited)
    {
        public int Awaited { get; set; } = awaited;
        public List<RememberedManager> Managers { get; } = [];
        public List<RegisterSubsidiary> Subsidiaries { get; } = [];
    }

    private sealed record RecoveryOver
    {
        public static readonly RecoveryOver Instance = new();
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
        _recovery = new Recovery(members.Count);
        foreach (var address in members)
            Context.ActorSelection(new RootActorPath(address) / "user" / "ptys-registrar").Tell(Recall.Instance, Self);
        Context.System.Scheduler.ScheduleTellOnce(RecoveryBound, Self, RecoveryOver.Instance, Self);
    }

    private void Recover(object message)
    {
        switch (message)
        {
            case Recollection recollection:
                _recovery!.Managers.AddRange(recollection.Managers);
                _recovery.Subsidiaries.AddRange(recollection.Subsidiaries);
                if (--_recovery.Awaited == 0) EndRecovery();
                break;
            case RecoveryOver: EndRecovery(); break;
            default: Stash.Stash(); break;
        }
    }

    /// <summary>Managers first (they own the names), then the streams registered under them.</summary>
    private void EndRecovery()
    {
        var recovery = _recovery!;
        _recovery = null;
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
