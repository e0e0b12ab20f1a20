using Akka.Actor;
using Ptm.Actors.Modules;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>
/// Where messages go when modules are pushed. Down: the head puts into the top module; the
/// bottom module's messages reach the driver's put procedure. Up: the driver's messages (the
/// peer's data, its own answers, hang-ups, end of file) wait in order in the driver's read
/// queue and go to the bottom module while its read queue has room (D13); the top module's reach
/// the head. With modules, "consumed" for the peer's flow control means "handed to the bottom
/// module": the credit the peer gets counts those bytes (D15).
/// </summary>
internal abstract partial class SideActor
{
    private PushedModule? _popping;
    private Queue<StreamMessage>? _upQueue;
    private int _upQueueBytes;
    private List<StreamMessage>? _downHeld;
    private List<StreamMessage>? _upHeld;
    private long _peerCredit;
    private long _peerReported;

    bool IStreamBelow.CanPut =>
        _popping is null && (HasModules ? _stack![0].WriteQueue.CanPutOrWait(Self) : WriteQueue.CanPut);

    void IStreamBelow.Put(StreamMessage message)
    {
        if (IsStackOperation(message)) StackOperation((IoctlMessage)message);
        else if (_popping is not null) (_downHeld ??= new List<StreamMessage>()).Add(message);
        else if (HasModules) SendToModule(_stack![0], message, down: true);
        else PutDown(message);
    }

    ICancelable IStreamBelow.StartIoctlTimer(HeadIoctl ioctl, TimeSpan after) =>
        Context.System.Scheduler.ScheduleTellOnceCancelable(after, Self, new IoctlTimedOut(ioctl), Self);

    /// <summary>strdoioctl's timer for one ioctl of the head.</summary>
    private sealed record IoctlTimedOut(HeadIoctl Ioctl) : Akka.Event.IDeadLetterSuppression;

    void IStreamBelow.ReadSideDrained(long consumedTotal)
    {
        if (Peer is not null && !FeedingModules) TellPeer(new Credit(consumedTotal));
    }

    /// <summary>True from the first push until the last pop is complete: the driver's messages go up through the modules.</summary>
    private bool FeedingModules => _upQueue is not null;

    private void SendToModule(PushedModule module, StreamMessage message, bool down)
    {
        if (down)
        {
            module.WriteQueue.Sent(message);
            module.Actor.Tell(new Downstream(message), Self);
        }
        else
        {
            module.ReadQueue.Sent(message);
            module.Actor.Tell(new Upstream(message), Self);
        }
    }

    /// <summary>A message the driver sends up its read side: straight to the head, or in order through the modules.</summary>
    protected void PutUp(StreamMessage message)
    {
        if (!FeedingModules)
        {
            Head.PutUp(message);
            return;
        }
        if (message is DataRun run)
        {
            foreach (var packet in run.Packets) QueueUp(packet);
        }
        else QueueUp(message);
        ForwardUp();
    }

    private void QueueUp(StreamMessage message)
    {
        if (message is FlushMessage { Flags: var flags } && flags.Reads()) FlushUpQueue();
        _upQueue!.Enqueue(message);
        _upQueueBytes += QueueGauge.Weight(message);
    }

    /// <summary>FLUSHR reaching the driver's read queue discards the data waiting there; it counts as consumed for the peer (D15).</summary>
    private void FlushUpQueue()
    {
        for (var remaining = _upQueue!.Count; remaining > 0; remaining--)
        {
            var message = _upQueue.Dequeue();
            if (message is DataMessage or ProtoMessage { Priority: false })
            {
                var weight = QueueGauge.Weight(message);
                _upQueueBytes -= weight;
                _peerCredit += weight;
            }
            else _upQueue.Enqueue(message);
        }
    }

    /// <summary>The driver's read-side service: on to the bottom module while it has room (priority messages always), then the peer's credit.</summary>
    private void ForwardUp()
    {
        if (_upQueue is not { } queue) return;
        while (queue.Count > 0)
        {
            var next = queue.Peek();
            if (HasModules)
            {
                var bottom = _stack![^1];
                if (ReferenceEquals(bottom, _popping)) break; // frozen until its pop completes
                if (!next.IsPriority && !bottom.ReadQueue.CanPutOrWait(Self)) break;
                SendToModule(bottom, queue.Dequeue(), down: false);
            }
            else Head.PutUp(queue.Dequeue()); // the last module has gone: what waited goes to the head, in order
            var weight = QueueGauge.Weight(next);
            _upQueueBytes -= weight;
            _peerCredit += weight;
        }
        ReportToPeer();
        if (!HasModules && queue.Count == 0 && _popping is null) StopFeedingModules();
    }

    /// <summary>The same rule as the head's read queue: below low water, with at least high minus low unreported.</summary>
    private void ReportToPeer()
    {
        var marks = WaterMarks.StreamHead;
        if (Peer is null || _upQueueBytes >= marks.Low || _peerCredit - _peerReported < marks.High - marks.Low) return;
        _peerReported = _peerCredit;
        TellPeer(new Credit(_peerCredit));
    }

    /// <summary>
    /// The first push: from now on the peer's credit counts what the driver hands to the modules.
    /// What the head already holds has left the driver, so it counts as consumed at once.
    /// </summary>
    private void StartFeedingModules()
    {
        _upQueue = new Queue<StreamMessage>();
        _upQueueBytes = 0;
        _peerCredit = _peerReported = Head.ConsumedTotal + Head.QueuedBytes;
        if (Peer is not null) TellPeer(new Credit(_peerCredit));
    }

    /// <summary>
    /// The last pop is complete and what waited has reached the head: the head's own consumption
    /// reports take over, continuing from the total the peer has already been told (bytes the
    /// head holds now may be counted twice: a one-off slack of at most a queue's worth).
    /// </summary>
    private void StopFeedingModules()
    {
        _upQueue = null;
        Head.RebaseConsumption(_peerCredit);
    }

    /// <summary>A new peer starts counting from zero (the manager's next subsidiary).</summary>
    protected void NewPeerProducer()
    {
        Head.NewProducer();
        _peerCredit = _peerReported = 0;
    }

    /// <summary>A message from a module: up to the head, down to the driver, a back-enable, or a push or pop answer.</summary>
    private void FromModules(object message)
    {
        switch (message)
        {
            case Upstream up:
                _headReadQueue!.Arrived(up.Message);
                if (_popping is not null && !ReferenceEquals(Sender, _popping.Actor)) (_upHeld ??= new List<StreamMessage>()).Add(up.Message);
                else Head.PutUp(up.Message);
                break;
            case Downstream down:
                _driverWriteQueue!.Arrived(down.Message);
                if (IsStackOperation(down.Message)) Head.PutUp(((IoctlMessage)down.Message).Nak(Errno.EINVAL));
                else PutDown(down.Message);
                break;
            case BackEnabled:
                Head.BackEnabled();
                ForwardUp();
                RetryPopForClose();
                break;
            case ModuleOpened opened: OnModuleOpened(opened); break;
            case ModulePopped: OnModulePopped(); break;
        }
    }

    /// <summary>After a pop: what other modules sent up and what the head put down while it lasted, in order; then the driver's read queue.</summary>
    private void ReleaseHeldAfterPop()
    {
        if (_upHeld is { } up)
        {
            _upHeld = null;
            foreach (var message in up) Head.PutUp(message);
        }
        if (_downHeld is { } down)
        {
            _downHeld = null;
            foreach (var message in down) ((IStreamBelow)this).Put(message);
        }
        ForwardUp();
        Head.BackEnabled();
    }
}
