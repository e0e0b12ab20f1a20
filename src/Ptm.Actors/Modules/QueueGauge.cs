using Akka.Actor;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

/// <summary>
/// How full one queue of a module chain is, shared by the queue (its consumer) and the one
/// neighbour that puts into it (its producer): canputnext across an actor boundary. The bytes
/// count from the moment the producer sends (a message in the mailbox is on the queue: the
/// mailbox is the STREAMS queue, M4.1) until the consumer hands them on, so a full queue holds
/// its producer however quickly the producer runs (D13, D14).
///
/// No lost wake-up: a producer that finds the queue full registers itself before it checks
/// again; the consumer publishes its level at the end of every turn and, once the level is below
/// low water with a producer registered, sends that producer one <see cref="BackEnabled"/> (D15).
/// A queue at or above high water always has a turn still to come (a message in flight, or one
/// of its own held messages that a later turn moves on), so the publication that wakes the
/// producer always happens. Only Data and Proto bytes count, as in the rest of the pair.
/// </summary>
internal sealed class QueueGauge(WaterMarks marks)
{
    private int _inFlight;
    private int _held;
    private IActorRef? _waiting;

    public WaterMarks Marks { get; } = marks;

    public int Level => Volatile.Read(ref _inFlight) + Volatile.Read(ref _held);

    /// <summary>canputnext, without asking to be woken (poll's POLLOUT).</summary>
    public bool CanPut => Level < Marks.High;

    /// <summary>canputnext for a producer that waits when it finds the queue full.</summary>
    public bool CanPutOrWait(IActorRef producer)
    {
        if (CanPut) return true;
        Volatile.Write(ref _waiting, producer);
        return CanPut;
    }

    /// <summary>The bytes of <paramref name="message"/> that count against water marks.</summary>
    public static int Weight(StreamMessage message) => message is DataMessage or ProtoMessage ? message.Size : 0;

    /// <summary>Producer: the message was sent.</summary>
    public void Sent(StreamMessage message)
    {
        var weight = Weight(message);
        if (weight != 0) Interlocked.Add(ref _inFlight, weight);
    }

    /// <summary>Consumer: the message arrived (it now counts as held, or it has moved on).</summary>
    public void Arrived(StreamMessage message)
    {
        var weight = Weight(message);
        if (weight != 0) Interlocked.Add(ref _inFlight, -weight);
    }

    /// <summary>Consumer, at the end of a turn: what it still holds; wakes a waiting producer below low water.</summary>
    public void Publish(int held)
    {
        Volatile.Write(ref _held, held);
        var level = Level;
        if (Volatile.Read(ref _waiting) is null || (level >= Marks.Low && level > 0)) return; // a low mark of 0 means "when empty"
        Interlocked.Exchange(ref _waiting, null)?.Tell(BackEnabled.Instance, ActorRefs.NoSender);
    }
}
