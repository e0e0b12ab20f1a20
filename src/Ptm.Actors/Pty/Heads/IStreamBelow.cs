using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>
/// What a stream head sees of the queue below it: today the driver (ptm or pts); once modules
/// are pushed (issue 14), the topmost module. Head and below exchange stream messages only, with
/// flow control between the two of them (canputnext and back-enable, D14, D15).
/// </summary>
internal interface IStreamBelow
{
    /// <summary>The largest message a write is cut into: the maximum packet size of the queue below (D18).</summary>
    int MaxPacket { get; }

    /// <summary>canputnext: the queue below can take another ordinary message (H8: whoever asks, whenever).</summary>
    bool CanPut { get; }

    /// <summary>The put procedure of the queue below: a message going down the write side.</summary>
    void Put(StreamMessage message);

    /// <summary>
    /// What was put this turn leaves now. The head calls it before a call completes, so a caller
    /// who then acts on the other side of the pair finds this call's messages ahead of its own.
    /// </summary>
    void Deliver();

    /// <summary>The head's read queue drained below its low-water mark: the read side's back-enable (D15).</summary>
    void ReadSideDrained(long consumedTotal);

    /// <summary>The side's measurements (bytes written, writers stalled): the head keeps no reference of its own (memory per idle pair).</summary>
    Diagnostics.SideDiagnostics Diagnostics { get; }

    /// <summary>Arms strdoioctl's timer for <paramref name="ioctl"/>: <see cref="StreamHead.TimedOut"/> runs when it fires, unless cancelled.</summary>
    Akka.Actor.ICancelable StartIoctlTimer(HeadIoctl ioctl, TimeSpan after);
}
