using Akka.Actor;
using Ptm.Actors.Pty;

namespace Ptm.Actors.Cluster.Directory;

/// <summary>
/// What one node registered with the directory and is still alive: its managers with their
/// names, its subsidiary streams. A directory that starts after a hand-over (its node left)
/// recalls every node's registrations, so live ptys keep their names and no name is given
/// twice (CL1). It watches what it remembers and forgets what ends.
/// </summary>
internal sealed class NodeRegistrar : UntypedActor
{
    private readonly Dictionary<IActorRef, object> _remembered = new(ActorRefComparer.Instance);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case RememberedManager manager: Remember(manager.Manager, manager); break;
            case RegisterSubsidiary subsidiary: Remember(subsidiary.Subsidiary, subsidiary); break;
            case Terminated terminated: _remembered.Remove(terminated.ActorRef); break;
            case Recall:
                Sender.Tell(new Recollection(
                    _remembered.Values.OfType<RememberedManager>().ToArray(),
                    _remembered.Values.OfType<RegisterSubsidiary>().ToArray()), Self);
                break;
            default: Unhandled(message); break;
        }
    }

    private void Remember(IActorRef side, object registration)
    {
        if (_remembered.TryAdd(side, registration)) Context.Watch(side);
    }
}
