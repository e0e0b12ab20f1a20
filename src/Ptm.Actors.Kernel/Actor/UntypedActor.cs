namespace Ptm.Actors.Kernel;

/// <summary>An actor with one OnReceive method; call <see cref="ActorBase.Unhandled"/> for what it does not handle.</summary>
public abstract class UntypedActor : ActorBase
{
    private bool _unhandled;

    protected sealed override bool Receive(object message)
    {
        _unhandled = false;
        OnReceive(message);
        return !_unhandled;
    }

    protected abstract void OnReceive(object message);

    protected override void Unhandled(object message)
    {
        _unhandled = true;
        base.Unhandled(message);
    }
}
