using Akka.Actor;
using Akka.Event;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>The driver half: the service procedure, messages arriving from the peer, and ioctls forwarded to it.</summary>
internal abstract partial class SideActor
{
    private static long s_ioctlIds;
    private Dictionary<long, IoctlRequest>? _forwarded;
    private List<DataMessage>? _run;
    private IActorRef? _runTarget;

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

    /// <summary>
    /// Forwards a message to the peer. Data packets are gathered into one run per turn (one
    /// actor message instead of one per packet); every other message, and every Tell to the
    /// peer, sends the run first, so the peer sees exactly the order it would have seen.
    /// </summary>
    protected void SendToPeer(StreamMessage message)
    {
        if (message is DataMessage data)
        {
            WriteQueue.CountSent(data);
            if (!ReferenceEquals(_runTarget, Peer)) SendRun();
            _runTarget = Peer;
            (_run ??= new List<DataMessage>()).Add(data);
            return;
        }
        TellPeer(message);
    }

    /// <summary>Any message to the peer: the packets gathered so far go first (FIFO from one sender).</summary>
    protected void TellPeer(object message)
    {
        SendRun();
        Peer!.Tell(message, Self);
    }

    /// <summary>
    /// Sends the packets gathered this turn. Called before anything else goes to the peer,
    /// before a write completes (a caller that then reads the other side finds the data queued
    /// ahead of its read) and at the end of every turn, so nothing is held between messages.
    /// </summary>
    protected void SendRun()
    {
        if (_run is not { Count: > 0 } run) return;
        var target = _runTarget!;
        StreamMessage message = run.Count == 1 ? run[0] : new DataRun(run.ToArray());
        run.Clear();
        _runTarget = null;
        target.Tell(message, Self);
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
            case DataRun run:
                foreach (var packet in run.Packets) ReadQueue.Enqueue(packet);
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
