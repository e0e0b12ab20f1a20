using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>
/// ioctls and I_FLUSH (strioctl, strdoioctl): stored errors stop them first (H1), one at a time
/// goes down and the next waits for its answer (H5), and I_FLUSH is a round trip (H6).
/// </summary>
internal sealed partial class StreamHead
{
    private static long s_ioctlIds;
    private HeadIoctl? _outstanding;
    private Queue<HeadIoctl>? _waitingIoctls;

    public void Ioctl(IoctlRequest request) =>
        Ioctl(new HeadIoctl(request.Command, request.Payload, request));

    /// <summary>Sends an ioctl down once the one outstanding is answered; fails at once on a stored error (H1) or a hang-up (PD6).</summary>
    public void Ioctl(HeadIoctl ioctl)
    {
        if (StoredError is var stored && stored != Errno.None) { ioctl.Answer(SysResult.Fail(stored)); return; } // H1
        if (HungUp) { ioctl.Answer(SysResult.Fail(Errno.ENXIO)); return; } // PD6
        (_waitingIoctls ??= new Queue<HeadIoctl>()).Enqueue(ioctl);
        SendNextIoctl();
    }

    /// <summary>
    /// I_FLUSH (H2, H6): refused once hung up; else the M_FLUSH goes down at once, then an ioctl
    /// nobody knows, whose NAK can only come back once everything ahead of it has been processed.
    /// </summary>
    public void Flush(FlushRequest request)
    {
        if (StoredError is var stored && stored != Errno.None) { request.Fail(stored); return; } // H1
        if (HungUp) { request.Fail(Errno.ENXIO); return; } // H2
        if (request.Flags != FlushFlags.None) _below.Put(new FlushMessage(request.Flags)); // I_FLUSH 0: nothing to flush
        Ioctl(new HeadIoctl(HeadIoctl.FlushRoundTrip, null, request,
            answer => request.Complete(answer.IsOk || answer.Errno == Errno.EINVAL ? SysResult.Ok() : answer)));
    }

    private void SendNextIoctl()
    {
        while (_outstanding is null && _waitingIoctls is { Count: > 0 })
        {
            var next = _waitingIoctls.Dequeue();
            if (next.IsAbandoned) continue;
            next.Id = Interlocked.Increment(ref s_ioctlIds);
            _outstanding = next;
            _below.Put(new IoctlMessage(next.Id, next.Command, next.Payload, next.Who)); // may be answered before this returns
            _below.Deliver();
        }
    }

    /// <summary>An M_IOCACK or M_IOCNAK: it answers the outstanding ioctl if the ids match; a late answer is dropped.</summary>
    private void Answered(long id, SysResult result)
    {
        if (_outstanding is not { } ioctl || ioctl.Id != id) return;
        _outstanding = null;
        ioctl.Answer(result);
        SendNextIoctl();
    }

    /// <summary>H1: the outstanding ioctl and every waiting one fail with the stored error.</summary>
    private void FailIoctls(Errno errno)
    {
        if (errno == Errno.None) return;
        if (_outstanding is { } outstanding)
        {
            _outstanding = null;
            outstanding.Answer(SysResult.Fail(errno));
        }
        FailWaitingIoctls(errno);
    }

    private void FailWaitingIoctls(Errno errno)
    {
        while (_waitingIoctls is { Count: > 0 }) _waitingIoctls.Dequeue().Answer(SysResult.Fail(errno));
    }
}
