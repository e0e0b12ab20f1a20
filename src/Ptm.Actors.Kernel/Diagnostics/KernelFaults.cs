namespace Ptm.Actors.Kernel;

/// <summary>
/// Fault injection for the TestKit, the spec runner's `crash` step and soak runs. Every fault
/// stays inside the kernel's guarantees: nothing is dropped or reordered between one sender and
/// one receiver; a held or slowed actor still processes system messages (watch, stop, failure).
/// </summary>
public static class KernelFaults
{
    /// <summary>The actor's next user message fails with <paramref name="failure"/>, going to its supervisor as any failure does.</summary>
    public static void FailNextMessage(IActorRef actor, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Cell(actor).FailNextMessage(failure);
    }

    /// <summary>Holds the actor's user messages back until <see cref="Release"/>.</summary>
    public static void Hold(IActorRef actor) => Cell(actor).Hold();

    public static void Release(IActorRef actor) => Cell(actor).ReleaseHold();

    /// <summary>Holds the actor's user messages for <paramref name="duration"/> on the system's clock, then releases them.</summary>
    public static void HoldFor(IActorRef actor, TimeSpan duration) => Cell(actor).HoldFor(duration);

    /// <summary>Slows the actor down: after each message it pauses <paramref name="perMessage"/> (zero restores full speed).</summary>
    public static void SlowDown(IActorRef actor, TimeSpan perMessage) => Cell(actor).SlowDown(perMessage);

    /// <summary>Number of user messages waiting in the actor's mailbox (0 for anything that is not a live local actor).</summary>
    public static int QueuedMessages(IActorRef actor) => actor is LocalActorRef local ? local.Cell.Mailbox.UserCount : 0;

    private static ActorCell Cell(IActorRef actor) => actor as LocalActorRef is { } local
        ? local.Cell
        : throw new ArgumentException($"{actor} is not a local actor; faults can only be injected into local actors.", nameof(actor));
}
