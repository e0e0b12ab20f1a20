namespace Ptm.Actors.Streams;

/// <summary>
/// A stream head's read queue (D17, D21). Reads are byte-stream: one read takes what is queued,
/// across messages, up to the caller's count, and stops before a zero-length message or an
/// M_PROTO; a read that meets a zero-length message first consumes it and returns 0 (end of
/// file); one that meets an M_PROTO first fails EBADMSG and leaves it queued (H7). getmsg takes
/// one message whole, control part and data part.
///
/// It is also the consumer half of the flow-control protocol between the two actors: the
/// producer counts bytes sent, this queue counts bytes consumed (read or flushed), and once the
/// queue has drained below its low-water mark with enough unreported consumption it offers a
/// credit report, the "resume" of D15. The threshold (high minus low) guarantees a blocked
/// producer is always resumed: a producer blocks only with High bytes unreported, and once the
/// queue is below Low at least High - Low of them have been consumed.
/// </summary>
internal sealed class ReadQueue(WaterMarks marks)
{
    /// <summary>The stream head's options as the last M_SETOPTS left them (D17).</summary>
    public WaterMarks Marks { get; private set; } = marks;

    /// <summary>Applies an M_SETOPTS arriving at the stream head (D17).</summary>
    public void Apply(SetOptionsMessage options)
    {
        if (options.ReadQueueMarks is { } marks) Marks = marks;
        if (options.Mode is { } mode) Mode = mode;
    }

    /// <summary>Byte stream, or one message a read (RMSGN: ldterm's canonical lines, M1).</summary>
    public ReadMode Mode { get; private set; }

    // Created on first data: an idle pair's read queues stay a few fields (memory per idle pair).
    private Queue<StreamMessage>? _messages;
    private int _headOffset;
    private long _consumed;
    private long _reported;

    /// <summary>Bytes queued (zero-length messages count 0, as in STREAMS).</summary>
    public int Bytes { get; private set; }

    /// <summary>True while at least one message, zero-length included, is queued (POLLIN).</summary>
    public bool HasMessage => _messages is { Count: > 0 };

    /// <summary>Total bytes ever consumed by reads and flushes.</summary>
    public long Consumed => _consumed;

    /// <summary>Queues an M_DATA or an M_PROTO/M_PCPROTO.</summary>
    public void Enqueue(StreamMessage message)
    {
        (_messages ??= new Queue<StreamMessage>()).Enqueue(message);
        Bytes += message.Size;
    }

    /// <summary>The first queued message has a control part: a byte-stream read must fail EBADMSG (H7).</summary>
    public bool ProtoFirst => _messages is { Count: > 0 } && _messages.Peek() is ProtoMessage;

    /// <summary>A zero-count read (H4): a zero-length message at the head is consumed, anything else stays.</summary>
    public void ReadNothing()
    {
        if (_messages is { Count: > 0 } && _messages.Peek() is DataMessage { IsZeroLength: true }) _messages.Dequeue();
    }

    /// <summary>
    /// getmsg(2): takes the first message, at most <paramref name="controlMax"/> control bytes and
    /// <paramref name="dataMax"/> data bytes; what does not fit stays queued as the rest of the
    /// message. Control is null for an M_DATA (no control part).
    /// </summary>
    public (ReadOnlyMemory<byte>? Control, ReadOnlyMemory<byte> Data) TakeMessage(int controlMax, int dataMax)
    {
        if (_messages!.Peek() is DataMessage data)
        {
            // Like a read: the rest of a message taken in part stays at the head, past _headOffset.
            var left = data.Bytes[_headOffset..];
            var part = left[..Math.Min(dataMax, left.Length)];
            _headOffset += part.Length;
            if (_headOffset == data.Bytes.Length)
            {
                _messages.Dequeue();
                _headOffset = 0;
            }
            Consume(part.Length);
            return (null, part);
        }
        var proto = (ProtoMessage)_messages.Dequeue();
        var taken = proto.Data[..Math.Min(dataMax, proto.Data.Length)];
        var rest = proto.Data.Length - taken.Length;
        if (rest > 0) PushFront(new DataMessage(proto.Data[taken.Length..])); // the data getmsg had no room for stays, as M_DATA
        Consume(proto.Size - rest);
        return (proto.Control[..Math.Min(controlMax, proto.Control.Length)], taken);
    }

    private void Consume(int bytes)
    {
        Bytes -= bytes;
        _consumed += bytes;
    }

    private void PushFront(StreamMessage message)
    {
        var rest = _messages!.ToArray();
        _messages.Clear();
        _messages.Enqueue(message);
        foreach (var queued in rest) _messages.Enqueue(queued);
    }

    /// <summary>Byte-stream read into <paramref name="destination"/>. Returns the count, 0 at a zero-length message (consumed).</summary>
    public int Read(Span<byte> destination)
    {
        var total = 0;
        if (_messages is null) return 0;
        while (_messages.Count > 0)
        {
            if (_messages.Peek() is not DataMessage head) break; // an M_PROTO ends a read (H7)
            if (head.IsZeroLength)
            {
                if (total == 0) _messages.Dequeue();
                break; // a zero-length message ends a read (D21)
            }
            if (total == destination.Length) break;
            var available = head.Bytes.Span[_headOffset..];
            var take = Math.Min(available.Length, destination.Length - total);
            available[..take].CopyTo(destination[total..]);
            total += take;
            _headOffset += take;
            if (_headOffset == head.Bytes.Length)
            {
                _messages.Dequeue();
                _headOffset = 0;
                if (Mode == ReadMode.MessageNondiscard) break; // RMSGN: one message a read
            }
        }
        Consume(total);
        return total;
    }

    /// <summary>Discards everything queued (M_FLUSH with FLUSHR). Returns the bytes discarded.</summary>
    public int Flush()
    {
        var discarded = Bytes;
        _messages?.Clear();
        _headOffset = 0;
        Bytes = 0;
        _consumed += discarded;
        return discarded;
    }

    /// <summary>
    /// The consumed total to report to the producer, or null when no report is due: the queue
    /// must be below its low-water mark and at least High - Low bytes must be unreported.
    /// </summary>
    public long? TakeCreditReport()
    {
        if (Bytes >= Marks.Low || _consumed - _reported < Marks.High - Marks.Low) return null;
        _reported = _consumed;
        return _consumed;
    }

    /// <summary>Consumption reports continue from <paramref name="total"/>, with nothing unreported.</summary>
    public void Rebase(long total) => _consumed = _reported = total;

    /// <summary>A new producer starts counting from zero (a new subsidiary stream, for example).</summary>
    public void ResetCredit() => _reported = _consumed;
}
