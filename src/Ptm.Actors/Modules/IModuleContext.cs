using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

/// <summary>
/// What a module's procedures may do (the module's view of its queue pair): pass a message on
/// in either direction (putnext on the read side or the write side), ask whether the next queue
/// has room, and run one timer (qtimeout). The module actor behind it does the queueing and the
/// flow control: a module's procedures never block and never see a full neighbour unless they ask.
/// </summary>
internal interface IModuleContext
{
    /// <summary>putnext on the read side: towards the stream head.</summary>
    void PutUp(StreamMessage message);

    /// <summary>putnext on the write side: towards the driver.</summary>
    void PutDown(StreamMessage message);

    /// <summary>canputnext on the read side.</summary>
    bool CanPutUp { get; }

    /// <summary>canputnext on the write side.</summary>
    bool CanPutDown { get; }

    /// <summary>A fresh id for an M_IOCTL the module itself sends (ptem's copies for pckt, M3.4), so no caller's answer is mistaken for it.</summary>
    long NewIoctlId();

    /// <summary>Arms the module's one timer (ldterm's VTIME); arming again replaces it. <see cref="StreamModule.TimerFired"/> runs when it fires.</summary>
    void StartTimer(TimeSpan delay);

    /// <summary>Disarms the timer; a firing already on its way is not delivered.</summary>
    void CancelTimer();

    /// <summary>
    /// The module released its write side (<see cref="StreamModule.HoldsWriteSide"/> became
    /// false): the actor runs the service procedures after this procedure returns (qenable).
    /// </summary>
    void Enable();
}
