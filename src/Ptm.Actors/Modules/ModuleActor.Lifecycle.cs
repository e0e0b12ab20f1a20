using Akka.Actor;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

/// <summary>The module's timer (qtimeout) and its pop (M4.2).</summary>
internal sealed partial class ModuleActor
{
    private ICancelable? _timer;
    private int _timerGeneration;
    private bool _popping;

    public void StartTimer(TimeSpan delay)
    {
        CancelTimer();
        _timer = Context.System.Scheduler.ScheduleTellOnceCancelable(delay, Self, new ModuleTimer(_timerGeneration), Self);
    }

    public void CancelTimer()
    {
        _timerGeneration++;
        _timer?.Cancel();
        _timer = null;
    }

    private void OnTimer(ModuleTimer timer)
    {
        if (timer.Generation != _timerGeneration || _popping) return; // cancelled or replaced
        _timer = null;
        _module.TimerFired(this);
        Service();
    }

    /// <summary>
    /// Only the topmost module is ever popped, so the side is above. The close routine runs, then
    /// the queues are freed as qdetach frees them: data goes (a blocking close has already waited
    /// for the write side to drain, H3), an ioctl still waiting is NAKed so its caller is answered
    /// (R9), other messages go on. Then the module below, if any, is rewired to send up to the
    /// side directly; until it has, what it sends passes through unprocessed.
    /// </summary>
    private void Pop()
    {
        CancelTimer();
        _module.Close(this);
        _popping = true;
        foreach (var message in _heldDown) Free(message, down: true);
        foreach (var message in _heldUp) Free(message, down: false);
        _heldDown.Clear();
        _heldUp.Clear();
        _heldDownBytes = _heldUpBytes = 0;
        if (ReferenceEquals(_below, _side)) FinishPop(); // the driver is below: the side already sends up past us
        else _below.Tell(new Rewire(_above, _aboveRead, null, null, Self), Self);
    }

    private void Free(StreamMessage message, bool down)
    {
        switch (message)
        {
            case DataMessage or ProtoMessage: break;
            case IoctlMessage ioctl when down: PutUp(ioctl.Nak(Errno.EINVAL)); break;
            case IoctlMessage ioctl: PutDown(ioctl.Nak(Errno.EINVAL)); break; // the manager's, going up: its answer goes back down
            default:
                if (down) PutDown(message);
                else PutUp(message);
                break;
        }
    }

    private void FinishPop()
    {
        if (!_popping) return;
        _side.Tell(ModulePopped.Instance, Self);
        Context.Stop(Self);
    }
}
