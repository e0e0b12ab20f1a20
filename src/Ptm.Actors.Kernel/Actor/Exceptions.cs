namespace Ptm.Actors.Kernel;

/// <summary>The kernel's exception family, named as in Akka.NET.</summary>
public class ActorException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A watcher did not handle a Terminated; the default decider stops it.</summary>
public sealed class DeathPactException(IActorRef deadActor)
    : ActorException($"Monitored actor [{deadActor.Path}] terminated and its Terminated was not handled")
{
    public IActorRef DeadActor { get; } = deadActor;
}

public sealed class ActorKilledException(string message) : ActorException(message);

/// <summary>Creating (or re-creating) an actor failed; the default decider stops it.</summary>
public sealed class ActorInitializationException(IActorRef? actor, string message, Exception? inner)
    : ActorException(message, inner)
{
    public IActorRef? Actor { get; } = actor;
}

public sealed class InvalidActorNameException(string message) : ActorException(message);

public sealed class AskTimeoutException(string message) : ActorException(message);

public sealed class IllegalStateException(string message) : ActorException(message);

public sealed class StashOverflowException(string message) : ActorException(message);
