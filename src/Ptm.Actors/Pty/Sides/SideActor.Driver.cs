using Akka.Actor;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>The driver half: the service procedure, messages arriving from the peer, and ioctls sent across to it.</summary>
internal abstract partial class SideActor
{
    private HashSet<long>? _forwarded;
    private List<DataMessage>? _run;
    private IActorRef? _runTarget;

    /// <summary>
    /// The service procedure (ptmwsrv, ptswsrv): forward queued messages while the peer has room
    /// (D13). It never runs without a peer here: what ptmwsrv and ptswsrv would do then (D11,
    /// D12) happens where the peer goes (the hang-up, L14's discard), and ptsclose enables
    /// nothing (D16, PD5).
    /// </summary>
    protected void Service()
    {
        if (!ServiceEnabled) return;
        while (WriteQueue.Count > 0 && Peer is not null)
        {
            var next = WriteQueue.Peek();
            if (!next.IsPriority && !WriteQueue.PeerHasRoom) break;
            SendToPeer(WriteQueue.Dequeue());
        }
        if (WriteQueue.BelowLowWater) Head.BackEnabled(); // D15
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
        if (message is ProtoMessage) WriteQueue.CountSent(message); // queued at the peer's head, so it counts against its room
        if (message is IoctlMessage ioctl) (_forwarded ??= new HashSet<long>()).Add(ioctl.Id); // its answer is owed (R9)
        TellPeer(message);
    }

    /// <summary>Any message to the peer: the packets gathered so far go first (FIFO from one sender).</summary>
    protected void TellPeer(object message)
    {
        SendRun();
        Peer!.Tell(Numbered(Peer, message), Self);
    }

    /// <summary>
    /// Sends the packets gathered this turn. Called before anything else goes to the peer,
    /// before a call completes (a caller that then reads the other side finds the data queued
    /// ahead of its read) and at the end of every turn, so nothing is held between messages.
    /// </summary>
    protected void SendRun()
    {
        if (_run is not { Count: > 0 } run) return;
        var target = _runTarget!;
        StreamMessage message = run.Count == 1 ? run[0] : new DataRun(run.ToArray());
        run.Clear();
        _runTarget = null;
        target.Tell(Numbered(target, message), Self);
    }

    /// <summary>A message from the peer's driver: it goes up this side's read side to the stream head.</summary>
    private void FromPeer(StreamMessage message)
    {
        if (!AcceptsFrom(Sender, message)) return; // R13: from a peer that is gone or was replaced
        switch (message)
        {
            case IoctlAck ack: _forwarded?.Remove(ack.Id); break;
            case IoctlNak nak: _forwarded?.Remove(nak.Id); break;
            case HangupMessage: OnHangup(managerCrashed: false); return; // the driver lets go of the peer, then tells the head
        }
        PutUp(message);
    }

    /// <summary>False while nothing may enable the service procedure (the manager's held output, PD5).</summary>
    protected virtual bool ServiceEnabled => true;

    /// <summary>Stream messages count only from the current peer (R13).</summary>
    protected virtual bool AcceptsFrom(IActorRef sender, StreamMessage message) => RefIdentity.Same(sender, Peer);

    /// <summary>An M_HANGUP from the peer (L14, L15), or its crash (PD13); only the subsidiary is ever hung up.</summary>
    protected virtual void OnHangup(bool managerCrashed) { }

    /// <summary>R9: every ioctl sent across is answered on every path, the peer's death included.</summary>
    protected void NakForwardedIoctls(Errno errno)
    {
        if (_forwarded is not { Count: > 0 } forwarded) return;
        var ids = forwarded.ToArray();
        forwarded.Clear();
        foreach (var id in ids) PutUp(new IoctlNak(id, errno));
    }

    /// <summary>Empties the write queue: queued ioctls are NAKed up to the head, everything else is dropped. Returns whether anything was queued.</summary>
    protected bool DiscardQueuedOutput(Errno ioctlError)
    {
        if (WriteQueue.Count == 0) return false;
        foreach (var message in WriteQueue.DrainAll())
            if (message is IoctlMessage ioctl) PutUp(ioctl.Nak(ioctlError));
        return true;
    }

    /// <summary>Puts a message on the write queue and runs the service procedure (putq, then the queue is enabled).</summary>
    protected void Queue(StreamMessage message)
    {
        WriteQueue.Enqueue(message);
        Service();
    }
}
