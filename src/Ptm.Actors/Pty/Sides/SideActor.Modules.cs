using System.Text;
using Akka.Actor;
using Ptm.Actors.Modules;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>
/// The modules pushed on this side (M4.1, M4.2): the stack, topmost first, between the stream
/// head and the driver. With none pushed the head and the driver talk directly, as before. With
/// some, the head puts into the top module and hears from it; the driver puts up into the
/// bottom module and hears from it, each hop flow-controlled by the receiving queue's gauge.
/// </summary>
internal abstract partial class SideActor
{
    /// <summary>A close's wait for one module's write queue ran out (H3, M4.2).</summary>
    private sealed record ModuleDrainExpired(IActorRef Module) : Akka.Event.IDeadLetterSuppression;

    private List<PushedModule>? _stack;
    private QueueGauge? _headReadQueue;
    private QueueGauge? _driverWriteQueue;
    private IoctlMessage? _stackOperation;
    private Errno _pushRefused;
    private CloseRequest? _closeAfterPops;

    /// <summary>The driver's name in I_LIST.</summary>
    protected abstract string DriverName { get; }

    private bool HasModules => _stack is { Count: > 0 };

    private sealed record PushedModule(string Name, IActorRef Actor, QueueGauge ReadQueue, QueueGauge WriteQueue);

    private static bool IsStackOperation(StreamMessage message) =>
        message is IoctlMessage { Command: IoctlCommands.I_PUSH or IoctlCommands.I_POP or IoctlCommands.I_FIND or IoctlCommands.I_LIST };

    /// <summary>I_PUSH, I_POP, I_FIND, I_LIST (M4.2): the stream head's own ioctls, answered straight to the head.</summary>
    private void StackOperation(IoctlMessage op)
    {
        var name = op.Payload is { } payload ? Encoding.ASCII.GetString(payload.Span) : "";
        switch (op.Command)
        {
            case IoctlCommands.I_FIND:
                Head.PutUp(ModuleRegistry.IsKnown(name) ? op.Ack(_stack?.Exists(m => m.Name == name) == true ? 1 : 0) : op.Nak(Errno.EINVAL));
                break;
            case IoctlCommands.I_LIST:
                var names = (_stack ?? new List<PushedModule>()).Select(m => m.Name).Append(DriverName).ToArray();
                Head.PutUp(op.Ack(names.Length, Encoding.ASCII.GetBytes(string.Join(' ', names))));
                break;
            case IoctlCommands.I_PUSH:
                if ((_stack?.Count ?? 0) >= ModuleRegistry.MaxPushed || ModuleRegistry.Create(name) is not { } module)
                {
                    Head.PutUp(op.Nak(Errno.EINVAL)); // unknown name, or nstrpush reached
                    break;
                }
                _stackOperation = op;
                Push(name, module);
                break;
            case IoctlCommands.I_POP:
                if (!HasModules)
                {
                    Head.PutUp(op.Nak(Errno.EINVAL));
                    break;
                }
                _stackOperation = op;
                PopTop();
                break;
        }
    }

    /// <summary>M4.6: a module pushed by the system at the stream's first open, with no caller waiting for the answer.</summary>
    protected void Autopush(string name) => Push(name, ModuleRegistry.Create(name)!);

    /// <summary>The new module goes directly under the stream head, above the old top module or the driver.</summary>
    private void Push(string name, StreamModule module)
    {
        _headReadQueue ??= new QueueGauge(WaterMarks.StreamHead);
        _driverWriteQueue ??= new QueueGauge(WriteQueue.Marks);
        var readQueue = new QueueGauge(module.ReadMarks);
        var writeQueue = new QueueGauge(module.WriteMarks);
        var oldTop = HasModules ? _stack![0] : null;
        var links = new ModuleLinks(Self, Self, _headReadQueue, oldTop?.Actor ?? Self, oldTop?.WriteQueue ?? _driverWriteQueue);
        var props = ActorFactory.Props(() => new ModuleActor(module, links, readQueue, writeQueue), Context.Props.Dispatcher)
            .WithMailbox(Context.Props.Mailbox);
        var actor = Context.ActorOf(props);
        if (oldTop is null) StartFeedingModules();
        else oldTop.Actor.Tell(new Rewire(actor, readQueue, null, null, null), Self);
        (_stack ??= new List<PushedModule>()).Insert(0, new PushedModule(name, actor, readQueue, writeQueue));
    }

    /// <summary>
    /// Starts popping the topmost module. Until it answers ModulePopped the stream is frozen
    /// around it, as strpop holds the plumbing lock: the head puts nothing down, the driver puts
    /// nothing up into it, and what other modules send up waits, so nothing overtakes what the
    /// module hands on as it goes.
    /// </summary>
    private void PopTop()
    {
        _popping = _stack![0];
        _popping.Actor.Tell(PopModule.Instance, Self);
    }

    private void OnModuleOpened(ModuleOpened opened)
    {
        if (opened.Error == Errno.None)
        {
            AnswerStackOperation(null);
            return;
        }
        _pushRefused = opened.Error; // the open routine refused: pop it again, then NAK
        PopTop();
    }

    /// <summary>The pop is complete: the module leaves the stack, what waited during the pop moves on in order.</summary>
    private void OnModulePopped()
    {
        if (_popping is not { } popped) return;
        _popping = null;
        _stack!.Remove(popped);
        popped.Actor.Tell(PoisonPill.Instance, Self); // after anything still on its way to it
        ReleaseHeldAfterPop();
        var refused = _pushRefused;
        _pushRefused = Errno.None;
        AnswerStackOperation(refused == Errno.None ? null : refused);
    }

    /// <summary>A push or pop is over: its I_PUSH/I_POP is answered, and a last close that waited for it goes on (M4.2).</summary>
    private void AnswerStackOperation(Errno? error)
    {
        if (_stackOperation is { } op)
        {
            _stackOperation = null;
            Head.PutUp(error is { } failed ? op.Nak(failed) : op.Ack());
        }
        RetryPopForClose();
    }

    /// <summary>
    /// M4.2, H3: at the last close the modules are popped top first, each pop complete before the
    /// next, and a blocking close first waits for the module's write queue to drain, at most
    /// <see cref="CloseTime"/> for each (strclose); a module whose wait runs out is popped anyway,
    /// and what it still holds is freed. False: no module is left.
    /// </summary>
    private bool PopForClose(CloseRequest close)
    {
        _closeAfterPops = close;
        if (_stackOperation is not null || _popping is not null) return true; // a push or pop under way finishes first
        if (!HasModules)
        {
            _closeAfterPops = null;
            return false;
        }
        var top = _stack![0];
        var gaveUp = ReferenceEquals(_moduleDrainExpired, top.Actor);
        if (close.Drains && !DriverHungUp && !gaveUp && top.WriteQueue.Level > 0)
        {
            top.WriteQueue.WaitForDrain(Self);
            if (top.WriteQueue.Level > 0) // checked again after asking to be woken: no lost wake-up
            {
                if (!ReferenceEquals(_moduleDrainFor, top.Actor))
                {
                    _moduleDrainFor = top.Actor;
                    _moduleDrainTimer?.Cancel();
                    _moduleDrainTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(CloseTime, Self, new ModuleDrainExpired(top.Actor), Self);
                }
                return true; // BackEnabled, a hang-up or the timer tries again
            }
        }
        _moduleDrainTimer?.Cancel();
        _moduleDrainTimer = null;
        _moduleDrainFor = null;
        PopTop();
        return true;
    }

    private IActorRef? _moduleDrainFor;
    private IActorRef? _moduleDrainExpired;
    private ICancelable? _moduleDrainTimer;

    /// <summary>A close waiting for a module to drain tries again (the module drained, the timer ran out, or a hang-up came).</summary>
    protected void RetryPopForClose()
    {
        if (_closeAfterPops is { } close && _popping is null && _stackOperation is null && !PopForClose(close)) DrainThenClose(close);
    }

    private void OnModuleDrainExpired(ModuleDrainExpired expired)
    {
        _moduleDrainExpired = expired.Module;
        RetryPopForClose();
    }

    /// <summary>After each turn: the levels the neighbouring modules see (the head's read queue, the driver's write queue).</summary>
    private void PublishQueueLevels()
    {
        _headReadQueue?.Publish(Head.QueuedBytes);
        _driverWriteQueue?.Publish(WriteQueue.Bytes);
    }
}
