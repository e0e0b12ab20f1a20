using Akka.Actor;
using Ptm.Actors.Diagnostics;
using Ptm.Actors.Modules;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>
/// What the Manager and Subsidiary actors share. Each actor is one side of the pair: its stream
/// head (<see cref="StreamHead"/>, where every host call lands) above its driver (ptm or pts:
/// the write queue, its service procedure and the peer). The two layers exchange stream
/// messages only: the head puts down through <see cref="IStreamBelow"/>, the driver puts up
/// through <see cref="StreamHead.PutUp"/>. The actor's mailbox is the side's STREAMS queue: host
/// calls, the peer's stream messages and flow-control credits all arrive there in order.
/// Subclasses supply the driver's put procedure (D2 or D3), its flush rewriting (D4 or D5), and
/// its lifecycle. Partial files: Driver (service procedure, the peer), Close (the stream head's
/// close-time drain, H3), Libc (grantpt and ptsname as their ioctls).
/// </summary>
internal abstract partial class SideActor : UntypedActor, IStreamBelow
{
    protected SideActor(in SideStart start, WaterMarks ownQueue)
    {
        Minor = start.Minor;
        Common = start.Common;
        WriteQueue = new DriverQueue(ownQueue, WaterMarks.StreamHead);
        Head = new StreamHead(this);
    }

    protected int Minor { get; }
    /// <summary>What this side shares with every side like it of the Clone.</summary>
    protected SideCommon Common { get; }

    protected IActorRef Clone => Common.Clone;

    /// <summary>This side's measurements and Debug logs (opens, closes, crashes).</summary>
    protected SideDiagnostics Diagnostics => Common.Diagnostics;

    /// <summary>The peer, only while it is fully started and not closing (R1, R2, R3, R4, R13).</summary>
    protected IActorRef? Peer
    {
        get => _peer;
        set
        {
            if (RefIdentity.Same(_peer, value)) return;
            _peer = value;
            NumberTrafficTo(value); // CL11: a peer on another node is talked to in numbered messages
        }
    }
    private IActorRef? _peer;

    protected StreamHead Head { get; }
    protected DriverQueue WriteQueue { get; }

    /// <summary>Largest message the stream head cuts a write into (D18).</summary>
    public abstract int MaxPacket { get; }

    protected sealed override void OnReceive(object message)
    {
        try
        {
            Dispatch(message);
            if (_drainingClose is not null) EndDrainIfDone();
        }
        catch (Exception cause)
        {
            Diagnostics.Crashed(Minor, cause);
            if (message is PtyRequest request) request.Fail(Errno.EIO); // the call that made the side fail is answered too (PD13), then the failure goes on to the Clone
            throw;
        }
        finally
        {
            SendRun(); // packets never wait between turns
            PublishQueueLevels();
        }
    }

    private void Dispatch(object message)
    {
        switch (message)
        {
            case ReadRequest read: Head.Read(read); break;
            case WriteRequest write: Head.Write(write); break;
            case PollRequest poll: poll.Complete((long)Head.Readiness()); break;
            case FlushRequest flush: Head.Flush(flush); break;
            case IoctlRequest ioctl: Head.Ioctl(ioctl); break;
            case PutmsgRequest putmsg: Head.Write(putmsg); break;
            case GetmsgRequest getmsg: Head.Getmsg(getmsg); break;
            case SignalsRequest signals: Head.TakeSignals(signals); break;
            case HangUpRequest watch: Head.WatchHangUp(watch); break;
            case CloseRequest close:
                Head.FileClosing(close.File!); // its HungUp ends now, before any drain (H3) or other file's close (L9)
                Diagnostics.Closed(Minor);
                HandleClose(close);
                break;
            case GrantRequest grant: HandleGrant(grant); break;
            case PtsnameRequest ptsname: HandlePtsname(ptsname); break;
            case StreamMessage stream: FromPeer(stream); break;
            case Credit credit: OnCredit(credit); break;
            case Sequenced numbered: FromRemotePeer(numbered); break;
            case ProbeTick: ProbeRemotePeer(); break;
            case PairBroken: if (RefIdentity.Same(Sender, Peer)) PeerLostInTransit(); break; // CL11
            case CloseDrainOver expired: OnDrainOver(expired); break;
            case EndCloseDrains: if (_drainingClose is not null) EndDrain(); break;
            case Upstream or Downstream or BackEnabled or ModuleOpened or ModulePopped: FromModules(message); break;
            case ModuleDrainExpired expired: OnModuleDrainExpired(expired); break;
            case IoctlTimedOut timedOut: Head.TimedOut(timedOut.Ioctl); break;
            case CrashPoke poke: throw new InjectedCrashException(Minor, poke.Manager); // PD13 fault injection
            default: OnLifecycle(message); break;
        }
    }

    /// <summary>The driver's write put procedure (D2, D3): everything the stream head sends down lands here.</summary>
    protected abstract void PutDown(StreamMessage message);

    protected abstract void HandleClose(CloseRequest request);

    /// <summary>Lifecycle messages (connect, close, hang-up, Terminated).</summary>
    protected abstract void OnLifecycle(object message);

    /// <summary>PD13: whatever is still pending when the actor stops (a crash) fails EIO.</summary>
    protected override void PostStop()
    {
        _probes?.Cancel();
        Head.FailAll(Errno.EIO); // forwarded ioctls included: their callers wait in the head
        EndDrainOnStop();
    }

    void IStreamBelow.Deliver() => SendRun();

    SideDiagnostics IStreamBelow.Diagnostics => Diagnostics;

    private void OnCredit(Credit credit)
    {
        if (!RefIdentity.Same(Sender, Peer)) return; // a resume from a dead or replaced peer is harmless (R13)
        WriteQueue.OnCredit(credit.ConsumedTotal);
        Service();
    }
}
