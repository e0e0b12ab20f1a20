using Akka.Actor;
using Akka.Event;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>
/// What the Manager and Subsidiary actors share: each is one side's stream head (read queue,
/// blocked readers and writers, error flags) and that side's driver (its write queue and
/// service procedure). The actor's mailbox is the side's STREAMS queue: host calls, the peer's
/// stream messages and flow-control credits all arrive there in order. Subclasses supply the
/// driver's put procedure (D2 or D3), its flush rewriting (D4 or D5), its ioctls and its
/// lifecycle. Partial files: ReadWrite (the stream head), Driver (service procedure, flushes
/// from below, forwarded ioctls).
/// </summary>
internal abstract partial class SideActor : UntypedActor
{
    protected SideActor(int minor, IActorRef clone, WaterMarks ownQueue)
    {
        Minor = minor;
        Clone = clone;
        ReadQueue = new ReadQueue(WaterMarks.StreamHead);
        WriteQueue = new DriverQueue(ownQueue, WaterMarks.StreamHead);
    }

    protected int Minor { get; }
    protected IActorRef Clone { get; }

    /// <summary>The peer, only while it is fully started and not closing (R1-R4, R13).</summary>
    protected IActorRef? Peer { get; set; }

    protected ReadQueue ReadQueue { get; }
    protected DriverQueue WriteQueue { get; }

    /// <summary>Largest message the stream head cuts a write into (D18).</summary>
    protected abstract int MaxPacket { get; }

    /// <summary>The errno a write fails with now (sticky EINVAL on the manager, EIO on a hung-up subsidiary), or None.</summary>
    protected abstract Errno WriteError { get; }

    /// <summary>The stream reports POLLERR alone (the manager's sticky error, PD4).</summary>
    protected abstract bool HasErrorCondition { get; }

    protected bool HungUp { get; set; }

    protected sealed override void OnReceive(object message)
    {
        try
        {
            Dispatch(message);
        }
        catch (Exception) when (message is PtyRequest request)
        {
            request.Fail(Errno.EIO); // the call that made the side fail is answered too (PD13), then the failure goes on to the Clone
            throw;
        }
        finally
        {
            SendRun(); // packets never wait between turns
        }
    }

    private void Dispatch(object message)
    {
        switch (message)
        {
            case ReadRequest read: HandleRead(read); break;
            case WriteRequest write: HandleWrite(write); break;
            case PollRequest poll: poll.Complete((long)Readiness()); break;
            case FlushRequest flush: FlushDown(new FlushMessage(flush.Flags)); flush.Complete(0); break;
            case IoctlRequest ioctl: HandleIoctl(ioctl); break;
            case CloseRequest close: HandleClose(close); break;
            case GrantRequest grant: HandleGrant(grant); break;
            case PtsnameRequest ptsname: HandlePtsname(ptsname); break;
            case StreamMessage stream: FromPeer(stream); break;
            case Credit credit: OnCredit(credit); break;
            case CrashPoke poke: throw new InjectedCrashException(Minor, poke.Manager); // PD13 fault injection
            default: OnLifecycle(message); break;
        }
    }

    /// <summary>The driver's write put procedure. False: the stream errored and the rest of the write is swallowed (D9, PD4).</summary>
    protected abstract bool PutDown(StreamMessage message);

    /// <summary>An M_FLUSH travelling down this side's write side (I_FLUSH, or turned round by the stream head).</summary>
    protected abstract void FlushDown(FlushMessage flush);

    protected abstract void HandleIoctl(IoctlRequest request);
    protected abstract void HandleClose(CloseRequest request);
    protected abstract void HandleGrant(GrantRequest request);
    protected abstract void HandlePtsname(PtsnameRequest request);

    /// <summary>The service procedure found no peer with messages queued (D11, D12).</summary>
    protected abstract void ServiceWithoutPeer();

    /// <summary>Lifecycle messages (connect, close, hang-up, Terminated).</summary>
    protected abstract void OnLifecycle(object message);

    /// <summary>PD13: whatever is still pending when the actor stops (a crash) fails EIO.</summary>
    protected override void PostStop()
    {
        FailReadersAndWriters(Errno.EIO);
        NakForwardedIoctls(Errno.EIO);
    }

    private void OnCredit(Credit credit)
    {
        if (!ReferenceEquals(Sender, Peer)) return; // a resume from a dead or replaced peer is harmless (R13)
        WriteQueue.OnCredit(credit.ConsumedTotal);
        Service();
    }
}
