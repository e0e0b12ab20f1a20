namespace Ptm.Actors.Kernel;

/// <summary>
/// The base of every actor. The kernel calls <see cref="Receive"/> with one message at a time;
/// the lifecycle hooks follow Akka.NET: PreStart, PostStop, PreRestart (by default stops the
/// children, then PostStop) and PostRestart (by default PreStart).
/// </summary>
public abstract class ActorBase
{
    [ThreadStatic] private static ActorCell? t_constructing;

    private readonly ActorCell _cell;

    protected ActorBase()
    {
        _cell = t_constructing ?? throw new ActorException(
            "Actors are created by the kernel: use ActorSystem.ActorOf or Context.ActorOf with Props, not 'new'.");
    }

    protected IActorContext Context => _cell;
    protected IActorRef Self => _cell.Self;
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    /// <summary>Handles a message; false means unhandled.</summary>
    protected abstract bool Receive(object message);

    protected virtual void PreStart() { }

    protected virtual void PostStop() { }

    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }
        PostStop();
    }

    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>The strategy this actor applies to its children's failures.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.DefaultStrategy;

    /// <summary>An unhandled Terminated is a death pact: the watcher fails with DeathPactException.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated) throw new DeathPactException(terminated.ActorRef);
        _cell.System.ReportUnhandled(message, _cell.Sender, _cell.Self);
    }

    // The kernel calls the hooks through these, so subclasses in any assembly override them as plain 'protected'.
    internal bool InvokeReceive(object message) => Receive(message);
    internal void InvokePreStart() => PreStart();
    internal void InvokePostStop() => PostStop();
    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);
    internal void InvokePostRestart(Exception reason) => PostRestart(reason);
    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal static ActorBase Construct(ActorCell cell, Props props)
    {
        var previous = t_constructing;
        t_constructing = cell;
        try
        {
            return props.NewActor();
        }
        finally
        {
            t_constructing = previous;
        }
    }
}
