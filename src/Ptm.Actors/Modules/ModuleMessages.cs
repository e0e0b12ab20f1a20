using Akka.Actor;
using Akka.Event;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

// The messages between a side actor (its stream head and its driver) and the module actors
// pushed between them (M4.1, M4.2). Stream messages travel wrapped, so every actor on the
// chain knows which way one is going.

/// <summary>A message going down the write side, from the neighbour above.</summary>
internal sealed record Downstream(StreamMessage Message) : IDeadLetterSuppression;

/// <summary>A message going up the read side, from the neighbour below.</summary>
internal sealed record Upstream(StreamMessage Message) : IDeadLetterSuppression;

/// <summary>A queue this actor puts into has drained below low water (D15).</summary>
internal sealed record BackEnabled : IDeadLetterSuppression
{
    public static readonly BackEnabled Instance = new();
}

/// <summary>
/// New neighbours for a module (a push or pop next to it): null keeps that side. The module
/// answers <see cref="Rewired"/> to <paramref name="ReplyTo"/>, if any, once it has switched,
/// so the module it no longer talks to knows nothing more is coming from it.
/// </summary>
internal sealed record Rewire(IActorRef? Above, QueueGauge? AboveReadQueue, IActorRef? Below, QueueGauge? BelowWriteQueue, IActorRef? ReplyTo) : IDeadLetterSuppression;

/// <summary>The sender has switched to its new neighbours (see <see cref="Rewire"/>).</summary>
internal sealed record Rewired : IDeadLetterSuppression
{
    public static readonly Rewired Instance = new();
}

/// <summary>I_POP or last close (M4.2), always of the topmost module: close, hand on what is queued, rewire the module below (if any) to the side.</summary>
internal sealed record PopModule : IDeadLetterSuppression
{
    public static readonly PopModule Instance = new();
}

/// <summary>The module has closed and handed everything on; it stops now.</summary>
internal sealed record ModulePopped : IDeadLetterSuppression
{
    public static readonly ModulePopped Instance = new();
}

/// <summary>The module's open routine ran at push: None, or the errno that refuses the push.</summary>
internal sealed record ModuleOpened(Errno Error) : IDeadLetterSuppression;

/// <summary>The module's timer (qtimeout); a stale generation was cancelled or replaced.</summary>
internal sealed record ModuleTimer(int Generation) : IDeadLetterSuppression;
