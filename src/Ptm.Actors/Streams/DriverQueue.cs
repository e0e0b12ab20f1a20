namespace Ptm.Actors.Streams;

/// <summary>
/// A driver's own write queue (ptm's or pts's) and the producer half of the flow-control
/// protocol. Messages wait here while the peer's read queue is full; ordinary messages leave
/// only while the peer has room (bcanputnext, D13), priority messages never wait. The stream
/// head above may put while this queue holds fewer than High bytes (canputnext, D14), so it
/// never exceeds High plus one message.
/// </summary>
internal sealed class DriverQueue(WaterMarks marks, WaterMarks peerReadQueue)
{
    // A ring buffer created on first use: no node per message, and nothing at all for an idle pair.
    private Queue<StreamMessage>? _messages;
    private long _sent;
    private long _peerConsumed;

    public WaterMarks Marks { get; } = marks;

    public int Bytes { get; private set; }

    public int Count => _messages?.Count ?? 0;

    /// <summary>The stream head may put another message (canputnext: the queue is below its high-water mark, H8).</summary>
    public bool CanPut => Bytes < Marks.High;

    /// <summary>Below low water: writers held by a full queue are woken (the back-enable of D15).</summary>
    public bool BelowLowWater => Bytes < Marks.Low;

    /// <summary>The peer's read queue can take another ordinary message: fewer than its High bytes sent and not yet consumed.</summary>
    public bool PeerHasRoom => _sent - _peerConsumed < peerReadQueue.High;

    /// <summary>Bytes sent to the peer that it has not reported consumed (at most its High plus one message).</summary>
    public long InFlight => _sent - _peerConsumed;

    public void Enqueue(StreamMessage message)
    {
        (_messages ??= new Queue<StreamMessage>()).Enqueue(message);
        Bytes += message.Size;
    }

    public StreamMessage Peek() => _messages!.Peek();

    public StreamMessage Dequeue()
    {
        var message = _messages!.Dequeue();
        Bytes -= message.Size;
        return message;
    }

    /// <summary>Records that <paramref name="message"/> went to the peer's read side.</summary>
    public void CountSent(StreamMessage message) => _sent += message.Size;

    /// <summary>The peer reports how much it has consumed in all; stale or repeated reports are harmless (R13).</summary>
    public void OnCredit(long consumedTotal)
    {
        if (consumedTotal > _peerConsumed) _peerConsumed = Math.Min(consumedTotal, _sent);
    }

    /// <summary>A new peer: nothing is in flight towards it.</summary>
    public void ResetPeer() => _sent = _peerConsumed = 0;

    /// <summary>
    /// Removes every ordinary data message, keeping ioctls and priority messages. Returns the
    /// bytes flushed (M_FLUSH with FLUSHW, D4, D5).
    /// </summary>
    public int FlushData()
    {
        var flushed = 0;
        if (_messages is null) return 0;
        // One turn round the ring: each message is taken out once and the kept ones go back in order.
        for (var remaining = _messages.Count; remaining > 0; remaining--)
        {
            var message = _messages.Dequeue();
            if (message is DataMessage or ProtoMessage { Priority: false })
            {
                flushed += message.Size;
                Bytes -= message.Size;
            }
            else _messages.Enqueue(message);
        }
        return flushed;
    }

    /// <summary>Takes every queued message out (close or a vanished peer: the caller NAKs ioctls and drops the rest).</summary>
    public List<StreamMessage> DrainAll()
    {
        if (_messages is null) return new List<StreamMessage>();
        var all = new List<StreamMessage>(_messages);
        _messages.Clear();
        Bytes = 0;
        return all;
    }
}
