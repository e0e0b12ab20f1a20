namespace Ptm.Actors.Kernel;

/// <summary>The root and /user guardians: they hold children and apply the configured strategy; they handle no messages.</summary>
internal sealed class GuardianActor(SupervisorStrategy strategy) : ActorBase
{
    protected override bool Receive(object message) => false;

    protected override void Unhandled(object message)
    {
        // Terminated of a child the guardian never watched cannot arrive; anything else is a stray message.
        if (message is not Terminated) base.Unhandled(message);
    }

    protected override SupervisorStrategy SupervisorStrategy() => strategy;
}
