using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>
/// ioctls and I_FLUSH (strioctl, strdoioctl): stored errors stop them first (H1), one at a time
/// goes down and the next waits for its answer (H5), and I_FLUSH is a round trip (H6).
/// </summary>
internal sealed partial class StreamHead
{
    private HeadIoctl? _outstanding;
    private Queue<HeadIoctl>? _waitingIoctls;

    public void Ioctl(IoctlRequest request) =>
        Ioctl(new HeadIoctl(request.Command, request.Payload, request));

    /// <summary>What refuses an ioctl or I_FLUSH before it goes down: a stored error (H1), else a hang-up (H2, PD6).</summary>
    private Errno IoctlRefusal => StoredError != Errno.None ? StoredError : HungUp ? Errno.ENXIO : Errno.None;

    /// <summary>Sends an ioctl down once the one outstanding is answered; fails at once when refused (H1, PD6).</summary>
    public void Ioctl(HeadIoctl ioctl)
    {
        if (IoctlRefusal is var refusal && refusal != Errno.None)
        {
            ioctl.Answer(SysResult.Fail(refusal));
            return;
        }
        (_waitingIoctls ??= new Queue<HeadIoctl>()).Enqueue(ioctl);
        SendNextIoctl();
    }

    /// <summary>
    /// I_FLUSH (H2, H6): refused once hung up; else the M_FLUSH goes down at once, then an ioctl
    /// nobody knows, whose NAK can only come back once everything ahead of it has been processed.
    /// </summary>
    public void Flush(FlushRequest request)
    {
        if (IoctlRefusal is var refusal && refusal != Errno.None)
        {
            request.Fail(refusal); // before the M_FLUSH goes down: a refused flush flushes nothing
            return;
        }
        if (request.Flags != FlushFlags.None) _below.Put(new FlushMessage(request.Flags)); // I_FLUSH 0: nothing to flush
        var roundTrip = new HeadIoctl(HeadIoctl.FlushRoundTrip, null, request,
            answer => request.Complete(answer.IsOk || answer.Errno is Errno.EINVAL or Errno.ETIME ? SysResult.Ok() : answer));
        roundTrip.Timer = _below.StartIoctlTimer(roundTrip, IoctlTimeout);
        Ioctl(roundTrip);
    }

    /// <summary>STRTIMOUT: strdoioctl's default wait for an answer (an I_STR with ic_timout 0, as I_FLUSH's round trip is).</summary>
    public static readonly TimeSpan IoctlTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// strdoioctl's timer ran out: the ioctl fails ETIME (its answer, should one still come, no
    /// longer matches), and the next one goes down. I_FLUSH ignores the outcome (H6): an ioctl
    /// that crosses to a peer nobody answers for, such as pckt's manager, ends the wait.
    /// </summary>
    public void TimedOut(HeadIoctl ioctl)
    {
        if (ReferenceEquals(_outstanding, ioctl)) _outstanding = null;
        ioctl.Answer(SysResult.Fail(Errno.ETIME)); // a waiting one is then skipped: its caller is done
        SendNextIoctl();
    }

    private void SendNextIoctl()
    {
        while (_outstanding is null && _waitingIoctls is { Count: > 0 })
        {
            var next = _waitingIoctls.Dequeue();
            if (next.IsAbandoned) continue;
            next.Id = IoctlIds.Next();
            _outstanding = next;
            _below.Put(new IoctlMessage(next.Id, next.Command, next.Payload, next.Who)); // may be answered before this returns
            _below.Deliver();
        }
    }

    /// <summary>An M_IOCACK or M_IOCNAK: it answers the outstanding ioctl if the ids match; a late answer is dropped.</summary>
    private void Answered(long id, SysResult result, ReadOnlyMemory<byte>? reply = null)
    {
        if (_outstanding is not { } ioctl || ioctl.Id != id) return;
        _outstanding = null;
        ioctl.Answer(result, reply);
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
