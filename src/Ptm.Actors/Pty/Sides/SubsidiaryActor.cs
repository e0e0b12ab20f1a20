using Akka.Actor;
using Akka.Event;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/*
 * The Subsidiary actor: pts, one per subsidiary stream (every open of /dev/pts/N while the
 * stream is open joins it, L9), and its stream head.
 *
 * Its mailbox is the subsidiary's STREAMS queue. Writes are cut into 2048-byte messages (D18)
 * and wait on pts's write queue (2048/128) until the manager's read queue has room (D13, D15).
 * Priority messages (ioctl replies, flushes) go straight to the manager (D3).
 *
 * Open (L7, R3): the Clone actor has already decided (serialised with every other open and
 * close decision, R6, R7); this actor then introduces itself to the manager from PreStart, so
 * the manager can only reach a fully started stream, and the open call completes when the
 * manager answers Connected, or a hang-up (an open that raced the manager's close, R6, PD3).
 * It watches the manager: a Terminated without a hang-up is a crash and ends the same way (PD13).
 *
 * Put procedure (D3): only PTSSTTY is handled here (I3: EEXIST the second time, through the
 * Clone actor, which owns the bit); every other ioctl is queued and forwarded, and the manager's
 * stream head NAKs it (D8). Flushes follow D5: FLUSHW goes to the manager as FLUSHR; FLUSHR is
 * turned round locally, never sent; FLUSHRW does both.
 *
 * Hang-up (L14, L15, PD6): the read side keeps what it has, then reads 0 forever; writes fail
 * EIO, ioctls ENXIO, poll says POLLHUP; queued output is dropped and queued ioctls NAKed (D12).
 *
 * Last close (L12, R5, D16): tell the Clone (new opens wait for us, R7), pass everything queued
 * to the manager ignoring flow control, then SubsidiaryClosed, which the manager reads as the
 * one zero-length message (L13); FIFO from one sender puts it after all our data. Then stop:
 * the Clone clears PTSOPEN|PTSTTY when our Terminated arrives (L16).
 */
internal sealed class SubsidiaryActor : SideActor
{
    private readonly IActorRef _manager;
    // The files sharing this stream (L9): almost always one, so the first is a field and a set
    // exists only for the others (memory per idle pair).
    private long _firstFile;
    private HashSet<long>? _otherFiles;
    private List<OpenSubsidiaryRequest>? _waitingForConnect;
    private bool _connected;

    public SubsidiaryActor(int minor, IActorRef manager, IActorRef clone, OpenSubsidiaryRequest open)
        : base(minor, clone, WaterMarks.PtsQueue)
    {
        _manager = manager;
        _waitingForConnect = new List<OpenSubsidiaryRequest> { open };
    }

    protected override int MaxPacket => WaterMarks.PtsMaxPacket;
    protected override Errno WriteError => HungUp ? Errno.EIO : Errno.None;
    protected override bool HasErrorCondition => false;

    /// <summary>R3: become addressable only once fully started.</summary>
    protected override void PreStart()
    {
        ReadQueue.Apply(new SetOptionsMessage(WaterMarks.StreamHead, IsTty: true)); // pts always sends SO_ISTTY (L7.8, L18)
        Context.Watch(_manager);
        _manager.Tell(SubsidiaryOpened.Instance, Self);
    }

    protected override void OnLifecycle(object message)
    {
        switch (message)
        {
            case Connected when ReferenceEquals(Sender, _manager) && !HungUp:
                Peer = _manager;
                _connected = true;
                CompleteWaitingOpens();
                break;
            case Terminated terminated when ReferenceEquals(terminated.ActorRef, _manager):
                OnHangup(); // PD13: a crashed manager hangs us up as a close would
                break;
            case JoinOpen join: Join(join.Request); break;
            default: Unhandled(message); break;
        }
    }

    /// <summary>Our manager may hang us up before it ever connected us (an open that raced its close, R6).</summary>
    protected override bool AcceptsFrom(IActorRef sender, StreamMessage message) =>
        base.AcceptsFrom(sender, message) || (message is HangupMessage && ReferenceEquals(sender, _manager));

    private void Join(OpenSubsidiaryRequest request)
    {
        if (_connected || HungUp) CompleteOpen(request);
        else (_waitingForConnect ??= new List<OpenSubsidiaryRequest>()).Add(request);
    }

    private void CompleteWaitingOpens()
    {
        var waiting = _waitingForConnect;
        _waitingForConnect = null;
        if (waiting is null) return;
        foreach (var request in waiting) CompleteOpen(request);
    }

    private void CompleteOpen(OpenSubsidiaryRequest request)
    {
        var file = request.File!;
        file.Minor = Minor;
        file.IsManager = false;
        file.Side = Self;
        if (_firstFile == 0 || _firstFile == file.Id) _firstFile = file.Id;
        else (_otherFiles ??= new HashSet<long>()).Add(file.Id);
        request.Complete(file.Descriptor);
    }

    /// <summary>PD13: a stream that dies (or never started) fails the opens still waiting for it, then everything else.</summary>
    protected override void PostStop()
    {
        if (_waitingForConnect is { } waiting)
        {
            _waitingForConnect = null;
            foreach (var request in waiting) request.Fail(Errno.EIO);
        }
        base.PostStop();
    }

    /// <summary>L15: keep the read queue; 0 after it; writes EIO; nothing more goes to the manager (D10, D12).</summary>
    protected override void OnHangup()
    {
        if (HungUp) return;
        HungUp = true;
        if (Peer is not null) Context.Unwatch(Peer);
        else Context.Unwatch(_manager);
        Peer = null;
        DiscardQueuedOutput(Errno.EINVAL);
        NakForwardedIoctls(Errno.EINVAL); // R9
        CompleteWaitingOpens(); // R6: the open succeeds, and the stream is hung up
        SatisfyReaders();
        ResumeWriters();
    }

    protected override bool PutDown(StreamMessage message)
    {
        if (Peer is null) return true; // D10: dropped (writes fail EIO before they get here)
        switch (message)
        {
            case FlushMessage flush: FlushDown(flush); break;
            case ReadNotification: break; // D22
            default:
                if (message.IsPriority) SendToPeer(message); // D3: straight to the manager's read side
                else
                {
                    WriteQueue.Enqueue(message);
                    Service();
                }
                break;
        }
        return true;
    }

    /// <summary>D5: FLUSHW flushes pts's queue and reaches the manager as FLUSHR; FLUSHR is turned round locally only.</summary>
    protected override void FlushDown(FlushMessage flush)
    {
        if (Peer is null) return; // D10
        if (flush.Flags.Writes())
        {
            WriteQueue.FlushData((flush.Flags & FlushFlags.FLUSHBAND) != 0 ? flush.FlushBand : null);
            SendToPeer(flush with { Flags = (flush.Flags & FlushFlags.FLUSHBAND) | FlushFlags.FLUSHR });
            ResumeWriters();
        }
        if (flush.Flags.Reads())
        {
            ReadQueue.Flush(); // turned round: the subsidiary's own stream head flushes its read queue
            ReportCredit();
        }
    }

    protected override void ServiceWithoutPeer() => DiscardQueuedOutput(Errno.EINVAL); // D12: no error to anyone

    protected override void HandleIoctl(IoctlRequest request)
    {
        if (HungUp) { request.Fail(Errno.ENXIO); return; } // PD6
        if (request.Command == IoctlCommands.PTSSTTY) Clone.Tell(new SetPtsTty(Minor, request), Self); // I3
        else ForwardIoctl(request); // I7, D8
    }

    /// <summary>C2: the ISPTM check grantpt and ptsname start with fails on a subsidiary (EINVAL, or ENXIO once hung up, PD6).</summary>
    private Errno ManagerCheckError => HungUp ? Errno.ENXIO : Errno.EINVAL;

    protected override void HandleGrant(GrantRequest request) => request.Fail(ManagerCheckError);

    protected override void HandlePtsname(PtsnameRequest request) => request.Fail(ManagerCheckError);

    protected override void HandleClose(CloseRequest request)
    {
        var id = request.File!.Id;
        if (_firstFile == id) _firstFile = 0;
        else _otherFiles?.Remove(id);
        if (_firstFile != 0 || _otherFiles is { Count: > 0 })
        {
            request.Complete(0); // L9: only the last close runs the close routine
            return;
        }
        Clone.Tell(new SubsidiaryClosing(Minor, request), Self); // R7; the Clone completes the close (L12.4)
        if (Peer is not null)
        {
            foreach (var message in WriteQueue.DrainAll()) SendToPeer(message); // D16: no flow control now
            TellPeer(SubsidiaryClosed.Instance); // L12.3, R5: after all our data
            Context.Unwatch(Peer);
            Peer = null;
        }
        NakForwardedIoctls(Errno.EINVAL); // R9: their answers would come to a stopped actor
        FailReadersAndWriters(Errno.EBADF);
        Context.Stop(Self);
    }
}
