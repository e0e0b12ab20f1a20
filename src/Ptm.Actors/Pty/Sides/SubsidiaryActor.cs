using Akka.Actor;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/*
 * The Subsidiary actor: pts, one per subsidiary stream (every open of /dev/pts/N while the
 * stream is open joins it, L9), under its stream head.
 *
 * Its mailbox is the subsidiary's STREAMS queue. The stream head cuts writes into 2048-byte
 * messages (D18); they wait on pts's write queue (2048/128) until the manager's read queue has
 * room (D13, D15). Priority messages (ioctl replies, flushes) go straight to the manager (D3).
 *
 * Open (L7, R3): the Clone actor has already decided (serialised with every other open and
 * close decision, R6, R7); this actor then introduces itself to the manager from PreStart, so
 * the manager can only reach a fully started stream, and the open call completes when the
 * manager answers Connected, or a hang-up (an open that raced the manager's close, R6, PD3).
 * It watches the manager: a Terminated without a hang-up is a crash and ends the same way (PD13).
 * A manager on another node is introduced to again every probe interval until it answers: a
 * partition that heals may have swallowed the introduction or its answer (CL11, specs/cluster).
 *
 * Put procedure (D3): only PTSSTTY is handled here (I3: EEXIST the second time, through the
 * Clone actor, which owns the bit and answers with PtsTtyAnswer); every other ioctl is queued
 * behind the data and forwarded, and the manager's stream head NAKs it (D8): libc's ISPTM check
 * on a subsidiary waits there like data does (H5). Flushes follow D5: FLUSHW goes to the manager
 * as FLUSHR; FLUSHR is turned round locally, never sent; FLUSHRW does both.
 *
 * Hang-up (L14, L15, PD6): the driver lets go of the manager, drops queued output and NAKs
 * queued and forwarded ioctls (D12, R9); the stream head keeps what it has read, then reads 0
 * forever; writes fail EIO, ioctls ENXIO, poll says POLLHUP.
 *
 * Last close (L12, R5, D16): tell the Clone (new opens wait for us, R7); a blocking close lets
 * the stream head wait, at most 15 s, for our queue to reach the manager (H3); then pass
 * whatever is still queued to the manager ignoring flow control, then SubsidiaryClosed, which
 * the manager reads as the one zero-length message (L13); FIFO from one sender puts it after
 * all our data. Then stop: the Clone clears PTSOPEN|PTSTTY when our Terminated arrives (L16).
 */
internal sealed class SubsidiaryActor : SideActor
{
    protected override string DriverName => "pts";

    private readonly IActorRef _manager;
    private ICancelable? _introductions; // only while a manager on another node has not answered
    // The files sharing this stream (L9): almost always one, so the first is a field and a set
    // exists only for the others (memory per idle pair).
    private long _firstFile;
    private HashSet<long>? _otherFiles;
    private List<OpenSubsidiaryRequest>? _waitingForConnect;
    private bool _connected;
    private bool _hungUp; // the driver's own flag: with modules pushed, the head hears of the hang-up a few hops later

    protected override bool DriverHungUp => _hungUp;

    public SubsidiaryActor(in SideStart start, OpenSubsidiaryRequest open)
        : base(start, WaterMarks.PtsQueue)
    {
        _manager = start.Manager!;
        _waitingForConnect = new List<OpenSubsidiaryRequest> { open };
    }

    public override int MaxPacket => WaterMarks.PtsMaxPacket;

    /// <summary>R3: become addressable only once fully started.</summary>
    protected override void PreStart()
    {
        PutUp(new SetOptionsMessage(WaterMarks.StreamHead)); // pts's M_SETOPTS (L7, D17)
        foreach (var module in Common.Autopush) Autopush(module); // M4.6: before the open completes, as the open's autopush does
        Context.Watch(_manager);
        _manager.Tell(SubsidiaryOpened.Instance, Self);
        if (IsRemote(_manager)) _introductions = Repeatedly(IntroduceAgain.Instance); // CL11: until it answers
    }

    protected override void OnLifecycle(object message)
    {
        switch (message)
        {
            case Connected when RefIdentity.Same(Sender, _manager) && !_hungUp && !_connected: // a repeated answer to a repeated introduction is no news
                Peer = _manager;
                _connected = true;
                StopIntroducing();
                CompleteWaitingOpens();
                break;
            case IntroduceAgain:
                if (_connected || _hungUp) StopIntroducing();
                else _manager.Tell(SubsidiaryOpened.Instance, Self); // CL11: a manager on another node may not have heard us, or we it
                break;
            case Terminated terminated when RefIdentity.Same(terminated.ActorRef, _manager):
                OnHangup(managerCrashed: true); // PD13: a crashed manager hangs us up as a close would
                break;
            case JoinOpen join: Join(join.Request); break;
            case PtsTtyAnswer answer: PutUp(answer.Error == Errno.None ? new IoctlAck(answer.Ioctl, 0) : new IoctlNak(answer.Ioctl, answer.Error)); break; // I3
            default: Unhandled(message); break;
        }
    }

    /// <summary>Our manager may hang us up before it ever connected us (an open that raced its close, R6).</summary>
    protected override bool AcceptsFrom(IActorRef sender, StreamMessage message) =>
        base.AcceptsFrom(sender, message) || (message is HangupMessage && RefIdentity.Same(sender, _manager));

    private void Join(OpenSubsidiaryRequest request)
    {
        if (_connected || _hungUp) CompleteOpen(request);
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
        Diagnostics.Opened(Minor); // before the caller can act on the open
        if (!request.Complete(file.Descriptor)) CloseAbandoned(file);
    }

    private void StopIntroducing()
    {
        _introductions?.Cancel();
        _introductions = null;
    }

    /// <summary>Sent to itself every probe interval while a remote manager has not answered the introduction.</summary>
    private sealed record IntroduceAgain : Akka.Event.IDeadLetterSuppression
    {
        public static readonly IntroduceAgain Instance = new();
    }

    /// <summary>PD13: a stream that dies (or never started) fails the opens still waiting for it, then everything else.</summary>
    protected override void PostStop()
    {
        StopIntroducing();
        if (_waitingForConnect is { } waiting)
        {
            _waitingForConnect = null;
            foreach (var request in waiting) request.Fail(Errno.EIO);
        }
        base.PostStop();
    }

    /// <summary>CL11: a hole in the traffic with a remote manager hangs us up as its node's loss would (CL6, L15).</summary>
    protected override void PeerLostInTransit() => OnHangup(managerCrashed: true);

    /// <summary>L15: the driver lets go of the manager (D10, D12, R9), then the stream head hangs up.</summary>
    protected override void OnHangup(bool managerCrashed)
    {
        if (_hungUp) return;
        _hungUp = true;
        Diagnostics.HungUp(Minor, managerCrashed);
        if (Peer is not null) Context.Unwatch(Peer);
        else Context.Unwatch(_manager);
        Peer = null;
        PutUp(HangupMessage.Instance); // waiting ioctls fail ENXIO (PD6); the one outstanding is NAKed below
        DiscardQueuedOutput(Errno.EINVAL); // D12: what ptswsrv does once ptmclose has enabled it, with no error to anyone
        NakForwardedIoctls(Errno.EINVAL); // R9
        CompleteWaitingOpens(); // R6: the open succeeds, and the stream is hung up
        RetryPopForClose(); // a close waiting for a module to drain waits no more (H3)
    }

    protected override void PutDown(StreamMessage message)
    {
        if (message is ReadMessage) return; // D22: ptswput frees M_READ
        if (Peer is null) // D10: ioctls are NAKed, the rest dropped (writes fail EIO before they get here)
        {
            if (message is IoctlMessage dropped) PutUp(dropped.Nak(Errno.None));
            return;
        }
        switch (message)
        {
            case FlushMessage flush: FlushDown(flush); break;
            case IoctlMessage { Command: IoctlCommands.PTSSTTY } ptsTty: Clone.Tell(new SetPtsTty(Minor, ptsTty.Id), Self); break; // I3
            default:
                if (message.IsPriority) SendToPeer(message); // D3: straight to the manager's read side
                else Queue(message); // I7, D8: ioctls too, behind the data
                break;
        }
    }

    /// <summary>D5: FLUSHW flushes pts's queue and reaches the manager as FLUSHR; FLUSHR is turned round locally only.</summary>
    private void FlushDown(FlushMessage flush)
    {
        if (flush.Flags.Writes())
        {
            WriteQueue.FlushData();
            SendToPeer(new FlushMessage(FlushFlags.FLUSHR));
            Head.BackEnabled();
        }
        if (flush.Flags.Reads()) PutUp(new FlushMessage(FlushFlags.FLUSHR)); // qreply: up this side's own read side
    }

    /// <summary>Only a manager passes the ISPTM check; a subsidiary never gets here.</summary>
    protected override void CompletePtsname(PtsnameRequest request) => request.Fail(Errno.EINVAL);

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
        DrainThenClose(request); // H3
    }

    /// <summary>ptsclose (L12): what the drain left goes to the manager without flow control, then the EOF; stop.</summary>
    protected override void CloseDriver(CloseRequest request)
    {
        if (Peer is not null)
        {
            foreach (var message in WriteQueue.DrainAll()) SendToPeer(message); // D16: no flow control now
            TellPeer(SubsidiaryClosed.Instance); // L12.3, R5: after all our data
            Context.Unwatch(Peer);
            Peer = null;
        }
        NakForwardedIoctls(Errno.EINVAL); // R9: their answers would come to a stopped actor
        Head.FailAll(Errno.EBADF);
        Context.Stop(Self);
    }
}
