using Akka.Actor;

namespace Ptm.Actors.Tests.Support;

/// <summary>
/// Akka.NET's event stream keeps an actor of its own, on its own dispatcher, that watches every
/// subscriber and unwatches it when it leaves. The Clone subscribes to dead letters as it starts,
/// so that actor's Watch reaches the Clone from Akka's thread, at a moment of its choosing: a
/// call the test tells the Clone meanwhile can find its mailbox already marked scheduled by that
/// Watch, whose run reaches the seeded queue only after the test has driven it (the call then
/// looks unanswered). And when a Clone stops, the Unwatch of the dead Clone is a dead letter
/// every subscriber hears, from that same thread. Identify is answered after the actor's earlier
/// messages, so once it answers, all of that has happened.
/// </summary>
internal static class EventStreamUnsubscriber
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30); // a safety net against hangs, never a barrier

    /// <summary>Waits until the unsubscriber has handled everything sent to it so far.</summary>
    public static void AwaitQuiet(ActorSystem system)
    {
        var identified = system.ActorSelection("/system/EventStreamUnsubscriber-*").Ask<ActorIdentity>(new Identify(null), Patience);
        if (!identified.Wait(Patience)) throw new TimeoutException($"Akka's event-stream unsubscriber did not answer within {Patience.TotalSeconds:0} s");
    }
}
