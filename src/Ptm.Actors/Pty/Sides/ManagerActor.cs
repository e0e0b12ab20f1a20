using System.Buffers.Binary;
using Akka.Actor;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/*
 * The Manager actor: ptm, one per /dev/ptmx open (L1, L10), under its stream head.
 *
 * Its mailbox is the manager's STREAMS queue. The stream head cuts a write into 512-byte
 * messages (D18) and puts them on ptm's write queue (512/128); the service procedure forwards
 * them to the subsidiary while the subsidiary's read queue has room (D13) and a Credit from it
 * resumes the flow (D15). Priority messages overtake queued data (head of the queue, forwarded
 * at once).
 *
 * Put procedure (D2): UNLKPT, ISPTM, PTSSTTY, ZONEPT and OWNERPT are ACKed or NAKed here (I1,
 * I2, I3, I4, I5); the entry updates they make reach the Clone actor before the ACK, so a racing
 * subsidiary open sees old or new state, never a mix (R11). Other ioctls, and all data, need an
 * unlocked pair with a subsidiary: ioctls are otherwise NAKed EINVAL at once, data is answered
 * with an M_ERROR up to the stream head, whose stored write error then stops later writes and
 * every ioctl (D9, PD4, H1).
 *
 * The peer. The subsidiary introduces itself once it has fully started (R3); from then until
 * it says SubsidiaryClosed (after its last data: the EOF of L13, once, R5) or its Terminated
 * arrives (a crash, PD13), it is the only sender whose stream messages and credits count (R13).
 * When it goes, ptsclose enables nothing here (D16): what flow control held on ptm's queue stays
 * held, ioctls included, and the stream head stays flow-controlled until it flushes or closes
 * (PD5); only ioctls already sent across are NAKed (R9).
 *
 * Close (L14, PD3): tell the Clone first, so opens of /dev/pts/N fail EAGAIN from now on; a
 * blocking close lets the stream head drain ptm's queue into the subsidiary, at most 15 s (H3);
 * then send the hang-up to the subsidiary, discard what is still queued, NAK every ioctl still
 * waiting for the peer (R9), and stop. A subsidiary that started in the meantime is answered
 * with a hang-up, or sees this actor's Terminated (R6). A crash ends the same way through
 * death-watch.
 */
internal sealed class ManagerActor : SideActor
{
    protected override string DriverName => "ptm";

    private OpenManagerRequest? _open; // dropped once answered: an idle pair does not keep its open call alive
    private bool _locked = true;
    private bool _closing;
    private bool _wedged; // PD5: output held for a subsidiary that has gone; nothing enables ptm's service until a flush
    private int _zone;

    public ManagerActor(in SideStart start, OpenManagerRequest open)
        : base(start, WaterMarks.PtmQueue)
    {
        _zone = start.Zone;
        _open = open;
    }

    public override int MaxPacket => WaterMarks.PtmMaxPacket;

    /// <summary>The open completes only now that the actor is running (R3), after ptm's M_SETOPTS (L2, D17).</summary>
    protected override void PreStart()
    {
        var open = _open!;
        _open = null;
        PutUp(new SetOptionsMessage(WaterMarks.StreamHead));
        var file = open.File!;
        file.Minor = Minor;
        file.IsManager = true;
        file.Side = Self;
        Diagnostics.Opened(Minor); // before the caller can act on the open
        if (!open.Complete(file.Descriptor)) CloseAbandoned(file);
    }

    protected override void OnLifecycle(object message)
    {
        switch (message)
        {
            case SubsidiaryOpened: Connect(Sender); break;
            case SubsidiaryClosed: if (RefIdentity.Same(Sender, Peer)) SubsidiaryGone(); break;
            case Terminated terminated: if (RefIdentity.Same(terminated.ActorRef, Peer)) SubsidiaryGone(); break; // PD13
            default: Unhandled(message); break;
        }
    }

    private void Connect(IActorRef subsidiary)
    {
        if (_closing)
        {
            subsidiary.Tell(HangupMessage.Instance, Self); // R6: an open that raced our close is hung up
            return;
        }
        if (RefIdentity.Same(Peer, subsidiary))
        {
            subsidiary.Tell(Connected.Instance, Self); // CL11: it introduced itself again, our answer may have been swallowed
            return;
        }
        // The Clone starts a new subsidiary only after the old one's Terminated, so an old peer
        // still held here is dead (a crash whose notice is queued behind this message): end its
        // epoch first, exactly as its Terminated would (PD13, L13, PD5).
        if (Peer is not null && !RefIdentity.Same(Peer, subsidiary)) SubsidiaryGone();
        Peer = subsidiary;
        Context.Watch(subsidiary);
        WriteQueue.ResetPeer();
        NewPeerProducer();
        Head.PeerStarted(); // L11: a new stream, whose last close is a new end of file
        subsidiary.Tell(Connected.Instance, Self);
        // ptsopen enables nothing: output held from an earlier subsidiary stays held (PD5).
    }

    /// <summary>
    /// The subsidiary's last close or crash: EOF once (L13). ptm's queue is not serviced (D16):
    /// held output and held ioctls stay (PD5); ioctls already sent across are NAKed (R9).
    /// </summary>
    private void SubsidiaryGone()
    {
        Context.Unwatch(Peer!); // discards a queued Terminated, so a close and a crash never give two EOFs (R5)
        Peer = null;
        _wedged = WriteQueue.Count > 0; // D16, PD5
        NakForwardedIoctls(Errno.EINVAL); // R9
        PutUp(DataMessage.Empty);
        Head.PeerEnded(); // PtyHandle.HungUp; with pckt pushed the EOF may still be on its way up through it
    }

    /// <summary>CL11: a hole in the traffic with a remote subsidiary ends it as its node's loss would (CL6, L13).</summary>
    protected override void PeerLostInTransit() => SubsidiaryGone();

    protected override bool ServiceEnabled => !_wedged;

    protected override void PutDown(StreamMessage message)
    {
        switch (message)
        {
            case ReadMessage: return; // D22: ptmwput frees M_READ
            case FlushMessage flush: FlushDown(flush); return;
            case IoctlMessage ioctl: PutIoctl(ioctl); return;
        }
        if (_locked || Peer is null)
        {
            PutUp(new ErrorMessage(Errno.None, Errno.EINVAL)); // D9: the stream head stores EINVAL and flushes ptm's queue
            return;
        }
        if (message.IsPriority) SendToPeer(message); // placed at the head of ptm's queue and forwarded at once (D2, D13)
        else Queue(message);
    }

    /// <summary>D4: flush ptm's own queue on FLUSHW; the peer gets the mirrored flags, only if unlocked with a subsidiary.</summary>
    private void FlushDown(FlushMessage flush)
    {
        if (flush.Flags.Writes())
        {
            WriteQueue.FlushData();
            _wedged = false; // PD5: the held output is gone; the next write meets D9 or a subsidiary
            Head.BackEnabled();
        }
        if (!_locked && Peer is not null) SendToPeer(flush.Mirrored());
    }

    /// <summary>The ioctls of D2: ptm's own are answered here, the rest go to the subsidiary (D7) or are NAKed (I6).</summary>
    private void PutIoctl(IoctlMessage ioctl)
    {
        switch (ioctl.Command)
        {
            case IoctlCommands.ISPTM:
                PutUp(ioctl.Ack()); // I1
                break;
            case IoctlCommands.UNLKPT:
                _locked = false; // I2: idempotent, no way back
                Clone.Tell(new Unlock(Minor), Self);
                PutUp(ioctl.Ack());
                break;
            case IoctlCommands.PTSSTTY:
                Clone.Tell(new SetPtsTty(Minor, null), Self); // I3: the manager side always ACKs
                PutUp(ioctl.Ack());
                break;
            case IoctlCommands.ZONEPT: Answer(ioctl, SetZone(ioctl)); break;
            case IoctlCommands.OWNERPT: Answer(ioctl, SetOwner(ioctl.Payload)); break;
            default:
                if (_locked || Peer is null) PutUp(ioctl.Nak(Errno.EINVAL)); // D2, I6
                else Queue(ioctl); // D7: behind the data, flow-controlled
                break;
        }
    }

    private void Answer(IoctlMessage ioctl, Errno error) => PutUp(error == Errno.None ? ioctl.Ack() : ioctl.Nak(error));

    /// <summary>I4: privilege, then an I_STR payload of at least a zoneid_t, then the range 0..9999.</summary>
    private Errno SetZone(IoctlMessage ioctl)
    {
        if (!ioctl.Caller.Privileged) return Errno.EPERM;
        if (ioctl.Payload is not { Length: >= 4 } payload) return Errno.EINVAL; // I8
        var zone = BinaryPrimitives.ReadInt32LittleEndian(payload.Span);
        if (zone < 0 || zone > Credentials.MaxZone) return Errno.EINVAL;
        _zone = zone;
        Clone.Tell(new SetZone(Minor, zone), Self);
        return Errno.None;
    }

    /// <summary>I5: an I_STR pt_own_t (uid, gid); each must be a valid id (no ephemeral ids here); no privilege check.</summary>
    private Errno SetOwner(ReadOnlyMemory<byte>? payload)
    {
        if (payload is not { Length: >= 8 } bytes) return Errno.EINVAL; // I8
        var uid = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Span);
        var gid = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Span[4..]);
        if (uid > Credentials.MaxId || gid > Credentials.MaxId) return Errno.EINVAL;
        Clone.Tell(new SetOwner(Minor, uid, gid), Self);
        return Errno.None;
    }

    /// <summary>C3: "/dev/pts/N"; ERANGE if it and its NUL do not fit; the access() lookup fails ENOENT from another zone.</summary>
    protected override void CompletePtsname(PtsnameRequest request)
    {
        var name = "/dev/pts/" + Minor;
        if (request.BufferLength is not { } length) request.Fail(Errno.EINVAL);
        else if (length < name.Length + 1) request.Fail(Errno.ERANGE);
        else if (request.Who.Zone != _zone) request.Fail(Errno.ENOENT);
        else request.Complete(SysResult.OkText(name));
    }

    protected override void HandleClose(CloseRequest request)
    {
        _closing = true;
        Clone.Tell(new ManagerClosing(Minor, request), Self); // PD3, R6: before anything else; the Clone completes the close
        DrainThenClose(request); // H3, L14
    }

    /// <summary>ptmclose (L14): hang the subsidiary up, drop what the drain left, answer every ioctl (R9), stop.</summary>
    protected override void CloseDriver(CloseRequest request)
    {
        if (Peer is not null)
        {
            TellPeer(HangupMessage.Instance); // L14.1
            Context.Unwatch(Peer);
            Peer = null;
        }
        DiscardQueuedOutput(Errno.EINVAL); // L14: queued output dies with the stream; queued ioctls are NAKed (R9)
        NakForwardedIoctls(Errno.EINVAL); // R9
        Head.FailAll(Errno.EBADF);
        Context.Stop(Self);
    }
}
