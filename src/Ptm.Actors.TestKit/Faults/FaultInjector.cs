using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Friendly fault injection over the kernel's KernelFaults hooks, for tests, the spec runner's
/// `crash` step and soak runs. Every fault stays inside the kernel's guarantees: nothing is
/// dropped or reordered between one sender and one receiver; a held actor still handles its
/// system messages (watch, stop, supervision).
/// </summary>
public sealed class FaultInjector(ActorSystem system)
{
    /// <summary>The actor's next user message throws (an InjectedFault unless given), going to its supervisor like any failure.</summary>
    public Exception FailNextMessage(IActorRef actor, Exception? failure = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        failure ??= new InjectedFault($"Injected fault in {actor.Path}");
        KernelFaults.FailNextMessage(actor, failure);
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
        ArgumentNullException.ThrowIfNull(actor);
        KernelFaults.Hold(actor);
        return new HoldHandle(actor);
    }

    /// <summary>Holds the actor's user messages for <paramref name="duration"/> on the system's clock (virtual under a VirtualClock).</summary>
    public void HoldFor(IActorRef actor, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A hold cannot be negative.");
        KernelFaults.HoldFor(actor, duration);
    }

    /// <summary>After each message the actor pauses <paramref name="perMessage"/> on the system's clock; zero restores full speed.</summary>
    public void SlowDown(IActorRef actor, TimeSpan perMessage)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (perMessage < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(perMessage), perMessage, "A slowdown cannot be negative.");
        KernelFaults.SlowDown(actor, perMessage);
    }

    /// <summary>User messages waiting in the actor's mailbox.</summary>
    public int QueuedMessages(IActorRef actor) => KernelFaults.QueuedMessages(actor);

    private sealed class HoldHandle(IActorRef actor) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) KernelFaults.Release(actor);
        }
    }
}

