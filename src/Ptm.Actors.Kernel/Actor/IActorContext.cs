namespace Ptm.Actors.Kernel;

/// <summary>A behaviour: returns true when it handled the message.</summary>
public delegate bool Receive(object message);

/// <summary>What an actor can do while it processes a message. Valid only on the actor's own turn.</summary>
public interface IActorContext
{
    IActorRef Self { get; }

    /// <summary>The sender of the current message; the dead-letter ref when there was none.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }
    IReadOnlyCollection<IActorRef> Children { get; }
    ActorSystem System { get; }

    /// <summary>Creates a child. Names are unique among live siblings; a name is free again once this actor has processed the child's termination.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    IActorRef? Child(string name);

    /// <summary>Stops an actor asynchronously: its current message finishes, the rest of its mailbox goes to dead letters.</summary>
    void Stop(IActorRef actor);

    /// <summary>Registers for a Terminated when <paramref name="subject"/> stops (idempotent; a dead subject yields one with ExistenceConfirmed = false).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>As Watch, but delivers <paramref name="message"/> instead of Terminated.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a Terminated already queued for <paramref name="subject"/> is discarded.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> pops it.</summary>
    void BecomeStacked(Receive receive);

    void UnbecomeStacked();

    IStash Stash { get; }
    ITimerScheduler Timers { get; }

    /// <summary>Sends ReceiveTimeout after <paramref name="timeout"/> without messages; null switches it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    TimeSpan? ReceiveTimeout { get; }

    IActorLogger GetLogger();
}
