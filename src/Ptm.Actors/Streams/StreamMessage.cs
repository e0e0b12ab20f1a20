namespace Ptm.Actors.Streams;

/// <summary>
/// A STREAMS message as it crosses between a side's stream head and its driver, or between the
/// two drivers of a pair. Messages are immutable, so one object can travel several hops.
/// High-priority messages (type above QPCTL) ignore flow control and overtake queued ordinary
/// ones (D13); ordinary ones keep FIFO order within their band.
/// </summary>
internal abstract record StreamMessage : Akka.Event.IDeadLetterSuppression
{
    /// <summary>True for the M_PC* family and the other types at or above QPCTL.</summary>
    public abstract bool IsPriority { get; }

    /// <summary>Bytes this message counts against a queue's water marks.</summary>
    public virtual int Size => 0;
}

/// <summary>M_DATA: ordinary data. A zero-length one is how end of file travels (L13, D20, PD8).</summary>
internal sealed record DataMessage(ReadOnlyMemory<byte> Bytes) : StreamMessage
{
    public static readonly DataMessage Empty = new(ReadOnlyMemory<byte>.Empty);

    public override bool IsPriority => false;
    public override int Size => Bytes.Length;
    public bool IsZeroLength => Bytes.Length == 0;
}

/// <summary>
/// Consecutive M_DATA messages a driver's service procedure forwarded in one turn, delivered
/// as one actor message. Each packet keeps its own boundary and size (D18) and each was
/// admitted by the same per-message flow-control check (D13); the receiving stream head queues
/// them one by one. It only ever travels between the two drivers, never sits on a queue.
/// </summary>
internal sealed record DataRun(DataMessage[] Packets) : StreamMessage
{
    public override bool IsPriority => false;
}

/// <summary>M_PROTO (ordinary) or M_PCPROTO (priority): a control part and a data part.</summary>
internal sealed record ProtoMessage(ReadOnlyMemory<byte> Control, ReadOnlyMemory<byte> Data, bool Priority) : StreamMessage
{
    public override bool IsPriority => Priority;
    public override int Size => Control.Length + Data.Length;
}

/// <summary>How the stream head's read(2) treats message boundaries (SO_READOPT).</summary>
internal enum ReadMode
{
    /// <summary>RNORM: byte stream; a read takes across messages (D21).</summary>
    ByteStream,
    /// <summary>RMSGN: message-nondiscard; a read returns at most one message, the rest stays (ldterm's canonical mode, M1).</summary>
    MessageNondiscard,
}

/// <summary>
/// M_SETOPTS: stream-head options (D17); a null field leaves that option as it is. Drivers send the
/// water marks at open; ptem and ldterm also mark the stream a terminal (SO_ISTTY, M3.1), and
/// ldterm sets the read mode and asks for M_READ in non-canonical mode (SO_MREADON, M1).
/// </summary>
internal sealed record SetOptionsMessage(WaterMarks? ReadQueueMarks, ReadMode? Mode = null, bool? IsTty = null, bool? ReadNotify = null) : StreamMessage
{
    public override bool IsPriority => false;
}

/// <summary>M_HANGUP: the peer is gone; the stream head sets its hang-up flag (L15).</summary>
internal sealed record HangupMessage : StreamMessage
{
    public static readonly HangupMessage Instance = new();
    public override bool IsPriority => true;
}

/// <summary>M_ERROR: read and write errors for the stream head; 0 means "no change" (D9 sends read 0, write EINVAL).</summary>
internal sealed record ErrorMessage(Errno ReadError, Errno WriteError) : StreamMessage
{
    public override bool IsPriority => true;
}

/// <summary>
/// M_FLUSH: which queues to flush (FLUSHR/FLUSHW/FLUSHRW). Every message here travels in band 0
/// (nothing can send a banded one: there is no I_FLUSHBAND or banded putmsg), so a flush empties
/// whole queues.
/// </summary>
internal sealed record FlushMessage(FlushFlags Flags) : StreamMessage
{
    public override bool IsPriority => true;

    /// <summary>The flags as seen from the other side of the pair: FLUSHR and FLUSHW swap (D4, D5).</summary>
    public FlushMessage Mirrored() => this with { Flags = Flags.Mirrored() };
}
