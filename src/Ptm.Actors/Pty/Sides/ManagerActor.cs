using System.Buffers.Binary;
using Akka.Actor;
using Akka.Event;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/*
 * The Manager actor: ptm, one per /dev/ptmx open (L1, L10), and its stream head.
 *
 * Its mailbox is the manager's STREAMS queue. A write is cut into 512-byte messages (D18) and
 * put on ptm's write queue (512/128); the service procedure forwards them to the subsidiary
 * while the subsidiary's read queue has room (D13) and a Credit from it resumes the flow (D15).
 * Priority messages overtake queued data (head of the queue, forwarded at once).
 *
 * Put procedure (D2): UNLKPT, ISPTM, PTSSTTY, ZONEPT and OWNERPT are answered here (I1-I5);
 * the entry updates they make reach the Clone actor before the ACK, so a racing subsidiary open
 * sees old or new state, never a mix (R11). Other ioctls, and all data, need an unlocked pair
 * with a subsidiary: ioctls are otherwise NAKed EINVAL at once, data turns the stream's write
 * error on (D9, PD4: the write returns its count, later writes fail EINVAL, poll says POLLERR).
 *
 * The peer. The subsidiary introduces itself once it has fully started (R3); from then until
 * it says SubsidiaryClosed (after its last data: the EOF of L13, once, R5) or its Terminated
 * arrives (a crash, PD13), it is the only sender whose stream messages and credits count (R13).
 * When it goes, whatever still waits on ptm's queue is discarded, ioctls NAKed, and the sticky
 * EINVAL set if anything was discarded (D11, PD5): no later subsidiary sees this one's output.
 *
 * Close (L14, PD3): tell the Clone first, so opens of /dev/pts/N fail EAGAIN from now on; send
 * the hang-up to the subsidiary; discard the queued output; NAK every ioctl still waiting for
 * the peer (R9); stop. A subsidiary that started in the meantime is answered with a hang-up,
 * or sees this actor's Terminated (R6). A crash ends the same way through death-watch.
 */
internal sealed class ManagerActor : SideActor
{
    private OpenManagerRequest? _open; // dropped once answered: an idle pair does not keep its open call alive
    private bool _locked = true;
    private bool _closing;
    private Errno _stickyWriteError;
    private int _zone;

    public ManagerActor(int minor, int zone, IActorRef clone, OpenManagerRequest open)
        : base(minor, clone, WaterMarks.PtmQueue)
    {
        _zone = zone;
        _open = open;
    }

    protected override int MaxPacket => WaterMarks.PtmMaxPacket;
    protected override Errno WriteError => _stickyWriteError;
    protected override bool HasErrorCondition => _stickyWriteError != Errno.None;

    /// <summary>The open completes only now that the actor is running (R3), after ptm's M_SETOPTS (L2.7, D17, L18).</summary>
    protected override void PreStart()
    {
        var open = _open!;
        _open = null;
        var file = open.File!;
        ReadQueue.Apply(new SetOptionsMessage(WaterMarks.StreamHead, IsTty: (file.Flags & OpenFlags.NoCtty) == 0));
        file.Minor = Minor;
        file.IsManager = true;
        file.Side = Self;
        open.Complete(file.Descriptor);
    }

    protected override void OnLifecycle(object message)
    {
        switch (message)
        {
            case SubsidiaryOpened: Connect(Sender); break;
            case SubsidiaryClosed: if (ReferenceEquals(Sender, Peer)) SubsidiaryGone(); break;
            case Terminated terminated: if (ReferenceEquals(terminated.ActorRef, Peer)) SubsidiaryGone(); break; // PD13
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
        // The Clone starts a new subsidiary only after the old one's Terminated, so an old peer
        // still held here is dead (a crash whose notice is queued behind this message): end its
        // epoch first, exactly as its Terminated would (PD13, L13, PD5).
        if (Peer is not null && !ReferenceEquals(Peer, subsidiary)) SubsidiaryGone();
        Peer = subsidiary;
        Context.Watch(subsidiary);
        WriteQueue.ResetPeer();
        ReadQueue.ResetCredit();
        subsidiary.Tell(Connected.Instance, Self);
    }

    /// <summary>The subsidiary's last close or crash: EOF once (L13), and its output is never seen by a later one (PD5).</summary>
    private void SubsidiaryGone()
    {
        Context.Unwatch(Peer!); // discards a queued Terminated, so a close and a crash never give two EOFs (R5)
        Peer = null;
        ReadQueue.Enqueue(DataMessage.Empty);
        if (DiscardQueuedOutput(Errno.EINVAL)) _stickyWriteError = Errno.EINVAL; // D11, PD5
        NakForwardedIoctls(Errno.EINVAL); // R9
        SatisfyReaders();
        ResumeWriters();
    }

    protected override bool PutDown(StreamMessage message)
    {
        switch (message)
        {
            case FlushMessage flush:
                FlushDown(flush);
                return true;
            case ReadNotification:
                return true; // D22
        }
        if (_locked || Peer is null)
        {
            RaiseWriteError(); // D9
            return false;
        }
        if (message.IsPriority) SendToPeer(message); // placed at the head of ptm's queue and forwarded at once (D2, D13)
        else
        {
            WriteQueue.Enqueue(message);
            Service();
        }
        return true;
    }

    /// <summary>D9: M_ERROR with write error EINVAL comes back up; the stream head sends FLUSHW down, emptying ptm's queue.</summary>
    private void RaiseWriteError()
    {
        _stickyWriteError = Errno.EINVAL;
        WriteQueue.FlushData();
    }

    /// <summary>D4: flush ptm's own queue on FLUSHW; the peer gets the mirrored flags, only if unlocked with a subsidiary.</summary>
    protected override void FlushDown(FlushMessage flush)
    {
        if (flush.Flags.Writes())
        {
            WriteQueue.FlushData((flush.Flags & FlushFlags.FLUSHBAND) != 0 ? flush.FlushBand : null);
            ResumeWriters();
        }
        if (!_locked && Peer is not null) SendToPeer(flush.Mirrored());
    }

    protected override void ServiceWithoutPeer()
    {
        if (DiscardQueuedOutput(Errno.EINVAL)) _stickyWriteError = Errno.EINVAL; // D11
    }

    protected override void HandleIoctl(IoctlRequest request)
    {
        switch (request.Command)
        {
            case IoctlCommands.ISPTM:
                request.Complete(0); // I1
                break;
            case IoctlCommands.UNLKPT:
                _locked = false; // I2: idempotent, no way back
                Clone.Tell(new Unlock(Minor), Self);
                request.Complete(0);
                break;
            case IoctlCommands.PTSSTTY:
                Clone.Tell(new SetPtsTty(Minor, null), Self); // I3: the manager side always ACKs
                request.Complete(0);
                break;
            case IoctlCommands.ZONEPT: SetZone(request); break;
            case IoctlCommands.OWNERPT: SetOwner(request); break;
            default:
                if (_locked || Peer is null) request.Fail(Errno.EINVAL); // D2, I6
                else ForwardIoctl(request); // D7
                break;
        }
    }

    /// <summary>I4: privilege, then an I_STR payload of at least a zoneid_t, then the range 0..9999.</summary>
    private void SetZone(IoctlRequest request)
    {
        if (!request.Who.Privileged) { request.Fail(Errno.EPERM); return; }
        if (request.Payload is not { Length: >= 4 } payload) { request.Fail(Errno.EINVAL); return; } // I8
        var zone = BinaryPrimitives.ReadInt32LittleEndian(payload.Span);
        if (zone < 0 || zone > Credentials.MaxZone) { request.Fail(Errno.EINVAL); return; }
        _zone = zone;
        Clone.Tell(new SetZone(Minor, zone), Self);
        request.Complete(0);
    }

    private void SetOwner(IoctlRequest request)
    {
        var error = ApplyOwner(request.Payload);
        if (error == Errno.None) request.Complete(0);
        else request.Fail(error);
    }

    /// <summary>I5: an I_STR pt_own_t (uid, gid); each must be a valid id (no ephemeral ids here); no privilege check.</summary>
    private Errno ApplyOwner(ReadOnlyMemory<byte>? payload)
    {
        if (payload is not { Length: >= 8 } bytes) return Errno.EINVAL; // I8
        var uid = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Span);
        var gid = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Span[4..]);
        if (uid > Credentials.MaxId || gid > Credentials.MaxId) return Errno.EINVAL;
        Clone.Tell(new SetOwner(Minor, uid, gid), Self);
        return Errno.None;
    }

    /// <summary>C6: the manager check passes here; then OWNERPT with the real uid and group tty; any failure is EACCES.</summary>
    protected override void HandleGrant(GrantRequest request)
    {
        var owner = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(owner, (uint)request.Who.Uid);
        BinaryPrimitives.WriteUInt32LittleEndian(owner.AsSpan(4), (uint)Credentials.TtyGroup);
        if (ApplyOwner(owner) == Errno.None) request.Complete(0);
        else request.Fail(Errno.EACCES);
    }

    /// <summary>C3: "/dev/pts/N"; ERANGE if it and its NUL do not fit; the access() lookup fails ENOENT from another zone.</summary>
    protected override void HandlePtsname(PtsnameRequest request)
    {
        if (request.BufferLength is not { } length) { request.Fail(Errno.EINVAL); return; }
        var name = "/dev/pts/" + Minor;
        if (length < name.Length + 1) { request.Fail(Errno.ERANGE); return; }
        if (request.Who.Zone != _zone) { request.Fail(Errno.ENOENT); return; }
        request.Complete(SysResult.OkText(name));
    }

    protected override void HandleClose(CloseRequest request)
    {
        _closing = true;
        Clone.Tell(new ManagerClosing(Minor, request), Self); // PD3, R6: before anything else; the Clone completes the close
        if (Peer is not null)
        {
            TellPeer(HangupMessage.Instance); // L14.1
            Context.Unwatch(Peer);
            Peer = null;
        }
        WriteQueue.DrainAll(); // L14: queued output dies with the stream
        NakForwardedIoctls(Errno.EINVAL); // R9
        FailReadersAndWriters(Errno.EBADF);
        Context.Stop(Self);
    }
}
