using Ptm.Actors.Kernel;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>The driver half: the service procedure, messages arriving from the peer, and ioctls forwarded to it.</summary>
internal abstract partial class SideActor
{
    private static long s_ioctlIds;
    private Dictionary<long, IoctlRequest>? _forwarded;

    /// <summary>The service procedure (ptmwsrv, ptswsrv): forward queued messages while the peer has room (D13).</summary>
    protected void Service()
    {
        while (WriteQueue.Count > 0)
        {
            if (Peer is null)
            {
                ServiceWithoutPeer();
                break;
            }
            var next = WriteQueue.Peek();
            if (!next.IsPriority && !WriteQueue.PeerHasRoom) break;
            SendToPeer(WriteQueue.Dequeue());
        }
        if (WriteQueue.BelowLowWater) ResumeWriters();
    }

    protected void SendToPeer(StreamMessage message)
    {
        if (message is DataMessage) WriteQueue.CountSent(message);
        Peer!.Tell(message, Self);
    }

    /// <summary>A message arriving on this side's read side, from the peer's driver.</summary>
    private void FromPeer(StreamMessage message)
    {
        if (!AcceptsFrom(Sender, message)) return; // R13: from a peer that is gone or was replaced
        switch (message)
        {
            case DataMessage data:
                ReadQueue.Enqueue(data);
                SatisfyReaders();
                break;
            case ProtoMessage proto:
                ReadQueue.Enqueue(new DataMessage(proto.Data));
                SatisfyReaders();
                break;
            case FlushMessage flush: FlushFromBelow(flush); break;
            case IoctlMessage ioctl:
                // No module above the driver knows it: the stream head NAKs it back down (D7, D8).
                PutDown(ioctl.Nak(Errno.EINVAL));
                break;
            case IoctlAck ack: CompleteForwarded(ack.Id, SysResult.Ok(ack.ReturnValue)); break;
            case IoctlNak nak: CompleteForwarded(nak.Id, SysResult.Fail(nak.Error)); break;
            case HangupMessage: OnHangup(); break;
            case ReadNotification: break; // M_READ never crosses (D22)
        }
    }

    /// <summary>Stream messages count only from the current peer (R13).</summary>
    protected virtual bool AcceptsFrom(IActorRef sender, StreamMessage message) => ReferenceEquals(sender, Peer);

    /// <summary>The stream head's M_FLUSH handling (strrput): flush the read queue, turn a write flush round once.</summary>
    private void FlushFromBelow(FlushMessage flush)
    {
        if (flush.Flags.Reads())
        {
            ReadQueue.Flush();
            ReportCredit();
        }
        if (flush.Flags.Writes()) FlushDown(flush with { Flags = flush.Flags & ~FlushFlags.FLUSHR });
    }

    /// <summary>An M_HANGUP from the peer; only the subsidiary ever receives one (L14, L15).</summary>
    protected virtual void OnHangup() { }

    /// <summary>Sends an ioctl the driver does not handle to the peer as an ordinary, flow-controlled message (D7, D8).</summary>
    protected void ForwardIoctl(IoctlRequest request)
    {
        var id = Interlocked.Increment(ref s_ioctlIds);
        (_forwarded ??= new Dictionary<long, IoctlRequest>())[id] = request;
        WriteQueue.Enqueue(new IoctlMessage(id, request.Command, request.Payload, request.Who));
        Service();
    }

    private void CompleteForwarded(long id, SysResult result)
    {
        if (_forwarded is not null && _forwarded.Remove(id, out var request)) request.Complete(result);
    }

    /// <summary>R9: every forwarded ioctl is answered on every path, peer death included.</summary>
    protected void NakForwardedIoctls(Errno errno)
    {
        if (_forwarded is null || _forwarded.Count == 0) return;
        foreach (var request in _forwarded.Values) request.Fail(errno);
        _forwarded.Clear();
    }

    /// <summary>Empties the write queue: queued ioctls are NAKed (their requests fail), everything else is dropped. Returns whether anything was queued.</summary>
    protected bool DiscardQueuedOutput(Errno ioctlError)
    {
        if (WriteQueue.Count == 0) return false;
        foreach (var message in WriteQueue.DrainAll())
            if (message is IoctlMessage ioctl) CompleteForwarded(ioctl.Id, SysResult.Fail(ioctlError));
        return true;
    }
}
