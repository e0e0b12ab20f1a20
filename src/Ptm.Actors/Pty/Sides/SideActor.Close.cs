using Akka.Actor;

namespace Ptm.Actors.Pty;

/// <summary>
/// The stream head's close (strclose, H3): a blocking close waits until the driver's write queue
/// has drained to the peer, for at most <see cref="CloseTime"/> on the actor system's scheduler
/// (virtual time in a deterministic run), and ends the wait early at a hang-up. Only then does
/// the driver's close run (L12, L14). A non-blocking close does not wait.
/// </summary>
internal abstract partial class SideActor
{
    /// <summary>sd_closetime: STRTIMOUT, 15 seconds.</summary>
    public static readonly TimeSpan CloseTime = TimeSpan.FromSeconds(15);

    private CloseRequest? _drainingClose;
    private ICancelable? _drainTimer;

    /// <summary>The last close: drain first when the close blocks and output is held, then the driver's close.</summary>
    protected void DrainThenClose(CloseRequest request)
    {
        if (PopForClose(request)) return; // M4.2: the modules go first, top first; this runs again once they have
        if (!request.Drains || request.StoppedWaiting || WriteQueue.Count == 0 || DriverHungUp)
        {
            CloseDriver(request);
            return;
        }
        _drainingClose = request;
        _drainTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(CloseTime, Self, new CloseDrainOver(request), Self);
    }

    /// <summary>
    /// An open the driver completed after its caller stopped waiting (a cancelled open answered
    /// EINTR): nobody holds the descriptor, so it is closed here as its caller would have closed
    /// it, without a drain nobody waits for, or the pty would never be freed (L16).
    /// </summary>
    protected void CloseAbandoned(OpenFile file)
    {
        file.Closed = true;
        Self.Tell(new CloseRequest(Credentials.Root, file, drain: false));
    }

    /// <summary>The driver has been hung up (L15), which ends a close-time drain.</summary>
    protected virtual bool DriverHungUp => Head.HungUp;

    /// <summary>The driver's close routine (ptmclose, ptsclose), after the stream head's drain.</summary>
    protected abstract void CloseDriver(CloseRequest request);

    /// <summary>Checked after every message: the queue emptied or a hang-up came, so the wait is over.</summary>
    private void EndDrainIfDone()
    {
        if (WriteQueue.Count == 0 || DriverHungUp) EndDrain();
    }

    private void OnDrainOver(CloseDrainOver over)
    {
        if (ReferenceEquals(over.Close, _drainingClose)) EndDrain(); // 15 s, or the caller cancelled: what is still queued is left to the driver's close
    }

    private void EndDrain()
    {
        var close = _drainingClose!;
        _drainingClose = null;
        _drainTimer?.Cancel();
        _drainTimer = null;
        CloseDriver(close);
    }

    /// <summary>
    /// A side that stops while its close drains (a crash, PD13, or the system shutting down)
    /// stops its timer and answers the close as a close of a gone side is answered: it succeeds.
    /// The Clone, which also holds the close, may be stopping too, so it cannot be relied on.
    /// </summary>
    private void EndDrainOnStop()
    {
        _drainTimer?.Cancel();
        _drainingClose?.Complete(_drainingClose.WhenSideIsGone);
        _drainingClose = null;
    }
}

/// <summary>A close-time drain is over (H3): its 15 s have passed, or its caller cancelled the wait.</summary>
internal sealed record CloseDrainOver(CloseRequest Close) : Akka.Event.IDeadLetterSuppression;
