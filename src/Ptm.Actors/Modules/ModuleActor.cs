using Akka.Actor;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

/*
 * A pushed module (M4.1): one actor per module instance, between the stream head and the
 * driver of one side, a child of that side's actor (so a crash of the side takes its modules
 * with it, PD13). Its mailbox is the module's queue pair: Downstream messages arrive from the
 * neighbour above on the write side, Upstream ones from the neighbour below on the read side,
 * in order from each neighbour, and a message moves one hop per Tell.
 *
 * Service procedures in actor terms. A priority message is handed to the module's put
 * procedure at once. An ordinary one waits in this actor's own queue for its side while that
 * queue already holds something (FIFO), while the next queue that way is full (canputnext
 * through the neighbour's QueueGauge, D13) or while the module holds the side (ptem's stopped
 * output, M3.6); a BackEnabled from the neighbour, or the module's Enable, runs the service
 * again. ioctls on the write side do not wait for room (ptem answers most of them itself, M3.6)
 * unless they are the ones that wait for output to drain (TCSETSW/SF, TCSETAW/AF, TCSBRK).
 * An M_FLUSH empties this actor's queues it names before the module sees it.
 *
 * Push and pop (M4.2). The side starts the actor already wired to its neighbours; the open
 * routine runs in PreStart and the side hears ModuleOpened. A pop is a handshake, because the
 * module below may still have messages on their way up to this one: the close routine runs,
 * what waits in the queues goes on unprocessed, the module below is rewired to the new
 * neighbour above, and anything it sent before its Rewired arrives is passed up unprocessed.
 * Then ModulePopped, and the actor stops.
 */
internal sealed partial class ModuleActor : UntypedActor, IModuleContext
{
    private readonly StreamModule _module;
    private readonly IActorRef _side;
    private readonly QueueGauge _readQueue;
    private readonly QueueGauge _writeQueue;
    private readonly Queue<StreamMessage> _heldUp = new();
    private readonly Queue<StreamMessage> _heldDown = new();
    private int _heldUpBytes;
    private int _heldDownBytes;
    private IActorRef _above;
    private QueueGauge _aboveRead;
    private IActorRef _below;
    private QueueGauge _belowWrite;

    public ModuleActor(StreamModule module, ModuleLinks links, QueueGauge readQueue, QueueGauge writeQueue)
    {
        _module = module;
        _side = links.Side;
        (_above, _aboveRead, _below, _belowWrite) = (links.Above, links.AboveReadQueue, links.Below, links.BelowWriteQueue);
        _readQueue = readQueue;
        _writeQueue = writeQueue;
    }

    protected override void PreStart() => _side.Tell(new ModuleOpened(_module.Open(this)), Self);

    protected override void OnReceive(object message)
    {
        try
        {
            switch (message)
            {
                case Downstream down:
                    _writeQueue.Arrived(down.Message);
                    if (_popping) PutDown(down.Message);
                    else FromAbove(down.Message);
                    break;
                case Upstream up:
                    _readQueue.Arrived(up.Message);
                    if (_popping) PutUp(up.Message);
                    else FromBelow(up.Message);
                    break;
                case BackEnabled: Service(); break;
                case Rewire rewire: OnRewire(rewire); break;
                case ModuleTimer timer: OnTimer(timer); break;
                case PopModule: Pop(); break;
                case Rewired: FinishPop(); break;
                default: Unhandled(message); break;
            }
        }
        finally
        {
            _readQueue.Publish(_heldUpBytes);
            _writeQueue.Publish(_heldDownBytes);
        }
    }

    private void FromAbove(StreamMessage message)
    {
        if (message is FlushMessage flush) FlushOwnQueues(flush.Flags);
        if (message.IsPriority || _module.TakesAtOnce(message)) _module.WritePut(message, this);
        else if (_heldDown.Count > 0 || _module.HoldsWriteSide || !CanPutDown) Hold(_heldDown, ref _heldDownBytes, message);
        else _module.WritePut(message, this);
        Service();
    }

    private void FromBelow(StreamMessage message)
    {
        if (message is FlushMessage flush) FlushOwnQueues(flush.Flags); // rput as wput: FLUSHR is the read queue, FLUSHW the write queue
        if (message.IsPriority) _module.ReadPut(message, this);
        else if (_heldUp.Count > 0 || !ReadSideMayRun)
        {
            _module.ReadPutWaiting(message, this);
            Hold(_heldUp, ref _heldUpBytes, message);
        }
        else _module.ReadPut(message, this);
        Service();
    }

    /// <summary>The read side's service may hand over an ordinary message: room above, and room below for an echo.</summary>
    private bool ReadSideMayRun => CanPutUp && (!_module.InputNeedsWriteRoom || CanPutDown);

    private static void Hold(Queue<StreamMessage> queue, ref int bytes, StreamMessage message)
    {
        queue.Enqueue(message);
        bytes += QueueGauge.Weight(message);
    }

    /// <summary>The service procedures: held messages go to the module while the next queue has room and the side is not held.</summary>
    private void Service()
    {
        while (_heldDown.Count > 0 && !_module.HoldsWriteSide && CanPutDown)
        {
            var message = _heldDown.Dequeue();
            _heldDownBytes -= QueueGauge.Weight(message);
            _module.WritePut(message, this);
        }
        while (_heldUp.Count > 0 && ReadSideMayRun)
        {
            var message = _heldUp.Dequeue();
            _heldUpBytes -= QueueGauge.Weight(message);
            _module.ReadPut(message, this);
        }
    }

    /// <summary>M_FLUSH: FLUSHW empties the write queue's data, FLUSHR the read queue's (flushq FLUSHDATA keeps ioctls and controls).</summary>
    private void FlushOwnQueues(FlushFlags flags)
    {
        if (flags.Writes()) FlushData(_heldDown, ref _heldDownBytes);
        if (flags.Reads()) FlushData(_heldUp, ref _heldUpBytes);
    }

    private static void FlushData(Queue<StreamMessage> queue, ref int bytes)
    {
        for (var remaining = queue.Count; remaining > 0; remaining--)
        {
            var message = queue.Dequeue();
            if (message is DataMessage or ProtoMessage { Priority: false }) bytes -= QueueGauge.Weight(message);
            else queue.Enqueue(message);
        }
    }

    public void PutUp(StreamMessage message)
    {
        _aboveRead.Sent(message);
        _above.Tell(new Upstream(message), Self);
    }

    public void PutDown(StreamMessage message)
    {
        _belowWrite.Sent(message);
        _below.Tell(new Downstream(message), Self);
    }

    public bool CanPutUp => _aboveRead.CanPutOrWait(Self);

    public bool CanPutDown => _belowWrite.CanPutOrWait(Self);

    public long NewIoctlId() => IoctlIds.Next();

    public void Enable() => Self.Tell(BackEnabled.Instance, Self);

    private void OnRewire(Rewire rewire)
    {
        if (rewire.Above is { } above) (_above, _aboveRead) = (above, rewire.AboveReadQueue!);
        if (rewire.Below is { } below) (_below, _belowWrite) = (below, rewire.BelowWriteQueue!);
        rewire.ReplyTo?.Tell(Rewired.Instance, Self);
        Service();
    }
}

/// <summary>A module actor's neighbours when it starts: the side actor, and who is above and below with their queues.</summary>
internal readonly record struct ModuleLinks(IActorRef Side, IActorRef Above, QueueGauge AboveReadQueue, IActorRef Below, QueueGauge BelowWriteQueue);
