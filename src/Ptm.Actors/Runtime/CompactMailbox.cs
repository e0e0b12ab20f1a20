using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Ptm.Actors.Runtime;

/// <summary>
/// The pty actors' mailbox type (HOCON: <c>mailbox-type = "Ptm.Actors.Runtime.CompactMailbox, Ptm.Actors"</c>).
/// Akka.NET's unbounded mailbox allocates a ConcurrentQueue segment of over 1 KB per actor at
/// creation; a pty pair is two actors that are idle most of their lives, so that segment was
/// most of an idle pair's cost. <see cref="CompactMessageQueue"/> holds no buffer while idle.
/// </summary>
internal sealed class CompactMailbox(Settings settings, Config config)
    : MailboxType(settings, config), IProducesMessageQueue<CompactMessageQueue>
{
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new CompactMessageQueue();
}

/// <summary>
/// An unbounded multi-producer, single-consumer FIFO behind a spin lock whose critical sections
/// are a handful of field writes. One waiting message lives in a field; a ring is made only
/// when a second one waits behind it, and dropped once drained, so an actor that is idle, or
/// sees one message at a time (a request and its reply), holds no buffer. Flow control
/// (D13, D14, D15) bounds what a pty side is ever sent, so the ring stays small.
/// Once cleaned up (the actor stopped) the queue is sealed: what is enqueued after goes to dead
/// letters, where the Clone answers a host call (PD13), instead of into a queue nobody reads.
/// </summary>
internal sealed class CompactMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    private const int FirstRing = 4; // a power of two
    private Envelope _single;        // the one waiting message while there is no ring
    private Envelope[]? _ring;
    private int _head;
    private int _count;
    private int _gate;
    private IMessageQueue? _sealedTo; // the dead letters, once the actor has stopped

    public bool HasMessages => Volatile.Read(ref _count) != 0;

    public int Count => Volatile.Read(ref _count);

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        Acquire();
        if (_sealedTo is { } deadletters)
        {
            Volatile.Write(ref _gate, 0);
            deadletters.Enqueue(receiver, envelope);
            return;
        }
        if (_ring is { } ring)
        {
            if (_count == ring.Length) _ring = ring = Grow(ring);
            ring[(_head + _count) & (ring.Length - 1)] = envelope;
        }
        else if (_count == 0) _single = envelope;
        else
        {
            _ring = ring = new Envelope[FirstRing];
            ring[0] = _single;
            ring[1] = envelope;
            _single = default;
            _head = 0;
        }
        Volatile.Write(ref _count, _count + 1);
        // A full fence, not a release: Akka's dispatcher reads the mailbox status right after this
        // returns, while the mailbox's run sets the status idle and then reads HasMessages. With a
        // plain release store the two loads could both see the old values (Dekker) and the
        // message would wait, unscheduled, forever.
        Interlocked.Exchange(ref _gate, 0);
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            envelope = default;
            return false;
        }
        Acquire();
        if (_ring is { } ring)
        {
            envelope = ring[_head];
            ring[_head] = default; // the message is the actor's now, not the mailbox's
            _head = (_head + 1) & (ring.Length - 1);
            if (_count == 1) _ring = null; // drained: an idle actor keeps no buffer
        }
        else
        {
            envelope = _single;
            _single = default;
        }
        Volatile.Write(ref _count, _count - 1);
        Volatile.Write(ref _gate, 0);
        return true;
    }

    /// <summary>
    /// Akka.NET's dispatcher reads an actor's mailbox, then enqueues; an actor stopping in between
    /// swaps its mailbox for dead letters and cleans the old one up, so without the seal a message
    /// enqueued after the sweep reached nobody, and a host call in it was never answered (R9, PD13:
    /// the soak's rare call_hung of an ioctl told to a side as it crashed). Sealed under the gate,
    /// every message is either swept here or forwarded by Enqueue.
    /// </summary>
    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        Acquire();
        _sealedTo = deadletters;
        Volatile.Write(ref _gate, 0);
        while (TryDequeue(out var envelope)) deadletters.Enqueue(owner, envelope);
    }

    private Envelope[] Grow(Envelope[] ring)
    {
        var grown = new Envelope[ring.Length * 2];
        for (var i = 0; i < _count; i++) grown[i] = ring[(_head + i) & (ring.Length - 1)];
        _head = 0;
        return grown;
    }

    private void Acquire()
    {
        if (Interlocked.CompareExchange(ref _gate, 1, 0) == 0) return;
        var spin = new SpinWait();
        do spin.SpinOnce(sleep1Threshold: -1);
        while (Volatile.Read(ref _gate) != 0 || Interlocked.CompareExchange(ref _gate, 1, 0) != 0);
    }
}
