namespace Ptm.Actors.Streams;

/// <summary>
/// M_IOCTL: a request from a process, identified by <see cref="Id"/> so its one answer
/// (M_IOCACK or M_IOCNAK) finds its way back. Payload is the I_STR data; null means the ioctl
/// was issued transparently (I8). Ordinary priority: it queues behind data (D7).
/// </summary>
internal sealed record IoctlMessage(long Id, int Command, ReadOnlyMemory<byte>? Payload, Credentials Caller) : StreamMessage
{
    public override bool IsPriority => false;
    public override int Size => Payload?.Length ?? 0;

    public IoctlAck Ack(int returnValue = 0, ReadOnlyMemory<byte>? data = null) => new(Id, returnValue, data);

    /// <summary>An error of 0 in a NAK is reported to the caller as EINVAL (D7).</summary>
    public IoctlNak Nak(Errno error) => new(Id, error == Errno.None ? Errno.EINVAL : error);
}

/// <summary>M_IOCACK: the ioctl succeeded; <see cref="Data"/> is what it copies out to the caller (TCGETS, TIOCGWINSZ, I_LIST), if anything.</summary>
internal sealed record IoctlAck(long Id, int ReturnValue, ReadOnlyMemory<byte>? Data = null) : StreamMessage
{
    public override bool IsPriority => true;
}

/// <summary>M_IOCNAK: the ioctl failed with <see cref="Error"/>.</summary>
internal sealed record IoctlNak(long Id, Errno Error) : StreamMessage
{
    public override bool IsPriority => true;
}
