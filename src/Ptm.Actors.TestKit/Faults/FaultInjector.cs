using Akka.Actor;

namespace Ptm.Actors.TestKit.Faults;

/// <summary>
/// Fault injection for tests, the spec runner and soak runs. It reaches actors whose mailbox is
/// the kit's faultable one: every actor of a TestKit system, the pty actors of
/// <see cref="FaultablePtys"/> and of DeterministicPtys, and actors of any other system whose
/// dispatcher says <c>mailbox-type = "Ptm.Actors.TestKit.Faults.FaultableMailbox, Ptm.Actors.TestKit"</c>.
/// Every fault stays inside Akka.NET's guarantees: nothing is dropped or reordered between one
/// sender and one receiver, and a held actor still handles its system messages (watch, stop,
/// supervision).
/// </summary>
/// <param name="system">The actor system whose actors it reaches (<c>ptys.ActorSystem</c> for a pty system).</param>
public sealed class FaultInjector(ActorSystem system)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The actor's next user message is replaced by an injected failure, on which it
    /// throws <paramref name="failure"/> (an <see cref="InjectedFault"/> unless given), going to its
    /// supervisor like any failure; the replaced message is never handled. Only actors deriving
    /// from <see cref="FaultableReceiveActor"/> or <see cref="FaultableUntypedActor"/> can be made
    /// to throw (Akka.NET has no hook that makes any actor throw); for others this throws
    /// ArgumentException. The pty actors crash through <see cref="PtyFaults.CrashAsync(PosixApi, int)"/> instead.
    /// </summary>
    public Exception FailNextMessage(IActorRef actor, Exception? failure = null)
    {
        var (cell, queue) = Locate(actor);
        if (!typeof(IFaultableActor).IsAssignableFrom(cell.Props.Type))
            throw new ArgumentException(
                $"{actor.Path} is a {cell.Props.Type.Name}, which cannot be made to throw: derive it from FaultableReceiveActor or FaultableUntypedActor " +
                "(Akka.NET lets a mailbox substitute a message, not raise an exception in an arbitrary actor).", nameof(actor));
        failure ??= new InjectedFault($"Injected fault in {actor.Path}");
        queue.FailNext(failure);
        return failure;
    }

    /// <summary>Stops the actor as its parent would (asynchronously: the current message finishes; watchers get Terminated).</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        system.Stop(actor);
    }

    /// <summary>Holds the actor's user messages back (they keep queueing, in order) until the returned handle is disposed.</summary>
    public IDisposable Hold(IActorRef actor)
    {
        var (_, queue) = Locate(actor);
        var token = new object();
        queue.Hold(token);
        return new HoldHandle(actor, token);
    }

    /// <summary>
    /// Holds the actor's user messages for <paramref name="duration"/>; the system's scheduler ends
    /// the hold, so under a virtual scheduler it ends when virtual time passes it.
    /// </summary>
    public void HoldFor(IActorRef actor, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A hold cannot be negative.");
        var (_, queue) = Locate(actor);
        var token = new object();
        queue.Hold(token);
        system.Scheduler.ScheduleTellOnce(duration, actor, new Wake(token), ActorRefs.NoSender);
    }

    /// <summary>After each user message the actor pauses <paramref name="perMessage"/> on the system's scheduler; zero restores full speed at once.</summary>
    public void SlowDown(IActorRef actor, TimeSpan perMessage)
    {
        if (perMessage < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(perMessage), perMessage, "A slowdown cannot be negative.");
        var (_, queue) = Locate(actor);
        if (queue.SlowDown(perMessage)) actor.Tell(new Wake(null), ActorRefs.NoSender);
    }

    /// <summary>User messages waiting in the actor's mailbox, held or not.</summary>
    public int QueuedMessages(IActorRef actor) => Locate(actor).Queue.Count;

    /// <summary>The actor's cell and faultable queue; waits (bounded) for a top-level actor that Akka.NET's guardian is still starting.</summary>
    private static (ActorCell Cell, FaultableMessageQueue Queue) Locate(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not ActorRefWithCell withCell)
            throw new ArgumentException($"{actor} is not a local actor: faults reach only actors of this process's actor systems.", nameof(actor));
        var deadline = DateTime.UtcNow + StartTimeout;
        var spin = new SpinWait();
        while (withCell.Underlying is not ActorCell)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{actor.Path} did not start within {StartTimeout.TotalSeconds:0} s");
            spin.SpinOnce();
        }
        var cell = (ActorCell)withCell.Underlying;
        if (cell.Mailbox?.MessageQueue is not FaultableMessageQueue queue)
            throw new ArgumentException(
                $"{actor.Path} has a {cell.Mailbox?.MessageQueue.GetType().Name ?? "missing"} mailbox queue, not FaultableMailbox's: " +
                "run it in a TestKit, on FaultablePtys or DeterministicPtys, or give its dispatcher mailbox-type = \"Ptm.Actors.TestKit.Faults.FaultableMailbox, Ptm.Actors.TestKit\".",
                nameof(actor));
        return (cell, queue);
    }

    private sealed class HoldHandle(IActorRef actor, object token) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) actor.Tell(new Wake(token), ActorRefs.NoSender);
        }
    }
}
