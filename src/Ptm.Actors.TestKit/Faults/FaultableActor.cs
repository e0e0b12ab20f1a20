using Akka.Actor;

namespace Ptm.Actors.TestKit.Faults;

/*
 * Akka.NET has no hook through which a mailbox can make an arbitrary actor throw: the queue can
 * only hand out a different message, and an actor ignores (publishes as unhandled) one it does
 * not know. So FailNextMessage needs the actor's own receive to turn the substitute into an
 * exception, which these bases do in AroundReceive before any behaviour sees the message.
 * FaultInjector refuses FailNextMessage on other actors; the pty actors crash through
 * PosixApi.Crash (PD13) instead.
 */

/// <summary>Marks an actor type that throws on an InjectedFailure.</summary>
internal interface IFaultableActor;

/// <summary>A ReceiveActor that <see cref="FaultInjector.FailNextMessage"/> can make fail.</summary>
public abstract class FaultableReceiveActor : ReceiveActor, IFaultableActor
{
    /// <summary>Throws the injected failure in place of the swallowed message; any other message goes to the actor's receive as usual.</summary>
    protected override bool AroundReceive(Receive receive, object message) =>
        message is InjectedFailure injected ? throw injected.Failure : base.AroundReceive(receive, message);
}

/// <summary>An UntypedActor that <see cref="FaultInjector.FailNextMessage"/> can make fail.</summary>
public abstract class FaultableUntypedActor : UntypedActor, IFaultableActor
{
    /// <summary>Throws the injected failure in place of the swallowed message; any other message goes to OnReceive as usual.</summary>
    protected override bool AroundReceive(Receive receive, object message) =>
        message is InjectedFailure injected ? throw injected.Failure : base.AroundReceive(receive, message);
}
