namespace Ptm.Actors.Kernel.Dispatch;

/// <summary>
/// Messages of the kernel itself. They travel in each mailbox's system queue, which is drained
/// before and between user messages, and are never ordered relative to user messages.
/// </summary>
internal abstract class SystemMessage;

/// <summary>Stop the actor (two-phase: children first, then PostStop and notifications).</summary>
internal sealed class Terminate : SystemMessage
{
    public static readonly Terminate Instance = new();
}

internal sealed class Watch(ActorCell watcher) : SystemMessage
{
    public ActorCell Watcher { get; } = watcher;
}

internal sealed class Unwatch(ActorCell watcher) : SystemMessage
{
    public ActorCell Watcher { get; } = watcher;
}

/// <summary>Sent by a dying actor to each watcher and to its parent; becomes a user-queue Terminated.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;
    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

/// <summary>A child reports that processing a message threw; its mailbox is suspended meanwhile.</summary>
internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;
    public Exception Cause { get; } = cause;
}

internal sealed class ResumeAfterFailure : SystemMessage
{
    public static readonly ResumeAfterFailure Instance = new();
}

internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Lets a held-back mailbox (fault injection) run again.</summary>
internal sealed class Release : SystemMessage
{
    public static readonly Release Instance = new();
}
