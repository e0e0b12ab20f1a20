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
    /// what waits here goes on unprocessed (nothing the head or the driver accepted is lost to a
    /// pop), then the module below, if any, is rewired to send up to the side directly.
    /// </summary>
    private void Pop()
    {
        CancelTimer();
        _module.Close(this);
        _popping = true;
        while (_heldDown.Count > 0) PutDown(_heldDown.Dequeue());
        while (_heldUp.Count > 0) PutUp(_heldUp.Dequeue());
        _heldDownBytes = _heldUpBytes = 0;
        if (ReferenceEquals(_below, _side)) FinishPop(); // the driver is below: the side already sends up past us
        else _below.Tell(new Rewire(_above, _aboveRead, null, null, Self), Self);
    }

    private void FinishPop()
    {
        if (!_popping) return;
        _side.Tell(ModulePopped.Instance, Self);
        Context.Stop(Self);
    }
}
