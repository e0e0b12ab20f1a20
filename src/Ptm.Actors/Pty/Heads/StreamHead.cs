using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/*
 * A side's stream head (streamio.c): the layer every descriptor talks to, above the queue below
 * (the driver today, the modules once pushed). It lives inside its side's actor and runs in that
 * actor's turns; it reaches the queue below only through IStreamBelow, and hears from below only
 * through PutUp, with stream messages both ways.
 *
 * What it owns: the read queue (byte-stream reads, D21; a zero-length message is end of file,
 * L13; an M_PROTO stops a read with EBADMSG, H7; a zero-count read eats a queued EOF, H4), the
 * callers it holds (readers until data, writers until the queue below has room, H8), the stored
 * errors an M_ERROR leaves (PD4) and the hang-up flag an M_HANGUP sets (L15), and the one ioctl
 * a stream may have outstanding (H5), which every stored error stops (H1).
 *
 * Races in actor terms: there are none inside, since everything runs in the actor's turn; but a
 * call to the queue below may answer at once (a driver that ACKs an ioctl or raises M_ERROR in
 * its put procedure), so every loop here re-checks its conditions after each message it puts.
 */
internal sealed partial class StreamHead
{
    private readonly IStreamBelow _below;
    private readonly ReadQueue _readQueue = new(WaterMarks.StreamHead);

    public StreamHead(IStreamBelow below) => _below = below;

    /// <summary>Bytes waiting in the read queue (the level the module above the driver sees, M4.1).</summary>
    public int QueuedBytes => _readQueue.Bytes;

    /// <summary>Bytes ever consumed from the read queue, as the credit reports count them (D15).</summary>
    public long ConsumedTotal => _readQueue.Consumed;

    /// <summary>The credit reports continue from <paramref name="total"/> (the last module popped, M4.2).</summary>
    public void RebaseConsumption(long total) => _readQueue.Rebase(total);

    /// <summary>A new producer feeds the read side (a new subsidiary stream): its consumption reports start from here (D15).</summary>
    public void NewProducer() => _readQueue.ResetCredit();

    /// <summary>STRHUP: an M_HANGUP arrived (L15).</summary>
    public bool HungUp { get; private set; }

    /// <summary>The stored write error of the last M_ERROR, None if none (STWRERR: D9, PD4).</summary>
    public Errno WriteError { get; private set; }

    /// <summary>The stored read error of the last M_ERROR, None if none (STRDERR).</summary>
    public Errno ReadError { get; private set; }

    /// <summary>The error a stored-error check reports (H1): the read error first, as strioctl does.</summary>
    private Errno StoredError => ReadError != Errno.None ? ReadError : WriteError;

    /// <summary>A message arriving from below (strrput).</summary>
    public void PutUp(StreamMessage message)
    {
        switch (message)
        {
            case DataMessage or ProtoMessage:
                _readQueue.Enqueue(message);
                ServeReaders();
                break;
            case DataRun run:
                foreach (var packet in run.Packets) _readQueue.Enqueue(packet);
                ServeReaders();
                break;
            case FlushMessage flush: FlushFromBelow(flush); break;
            case IoctlMessage ioctl: _below.Put(ioctl.Nak(Errno.EINVAL)); break; // nothing above knows it (D7, D8)
            case IoctlAck ack: Answered(ack.Id, SysResult.Ok(ack.ReturnValue), ack.Data); break;
            case IoctlNak nak: Answered(nak.Id, SysResult.Fail(nak.Error)); break;
            case ErrorMessage error: StoreError(error); break;
            case HangupMessage: HangUp(); break;
            case SetOptionsMessage options: ApplyOptions(options); break; // D17
            case SignalMessage signal: Record(signal.Signal); break; // M4.5
        }
    }

    private List<Signal>? _signals;

    /// <summary>SO_ISTTY: a module made this stream a terminal (ptem, ldterm: M3.1), so its hang-up is a SIGHUP (M4.5).</summary>
    public bool IsTty { get; private set; }

    /// <summary>SO_MREADON: a reader that finds nothing sends an M_READ down (ldterm's VMIN/VTIME, M1).</summary>
    private bool _readNotify;

    private void ApplyOptions(SetOptionsMessage options)
    {
        _readQueue.Apply(options);
        if (options.IsTty is { } tty) IsTty = tty;
        if (options.ReadNotify is { } notify) _readNotify = notify;
    }

    private List<SignalsRequest>? _signalWaiters;

    /// <summary>M4.5: a signal generated on this stream is recorded, in order, for the host to observe; callers waiting for one get it now.</summary>
    private void Record(Signal signal)
    {
        (_signals ??= new List<Signal>()).Add(signal);
        _signalWaiters?.RemoveAll(static waiter => waiter.IsDone); // a caller who stopped waiting (EINTR) takes nothing: the signal stays for the next take
        if (_signalWaiters is not { Count: > 0 } waiters) return;
        var taken = TakeSignals();
        foreach (var waiter in waiters)
        {
            waiter.Taken = taken;
            waiter.Complete(0);
        }
        waiters.Clear();
    }

    /// <summary>Answers with the signals recorded since the last take, oldest first; a waiting request with none recorded is held until one is.</summary>
    public void TakeSignals(SignalsRequest request)
    {
        if (_signals is { Count: > 0 } || !request.Wait)
        {
            request.Taken = TakeSignals();
            request.Complete(0);
            return;
        }
        _signalWaiters?.RemoveAll(static waiter => waiter.IsDone); // cancelled ones
        (_signalWaiters ??= new List<SignalsRequest>()).Add(request);
    }

    private IReadOnlyList<Signal> TakeSignals()
    {
        if (_signals is not { Count: > 0 } signals) return Array.Empty<Signal>();
        var taken = signals.ToArray();
        signals.Clear();
        return taken;
    }

    /// <summary>M_FLUSH from below: flush the read queue; a write flush is turned round down once (strrput).</summary>
    private void FlushFromBelow(FlushMessage flush)
    {
        if (flush.Flags.Reads())
        {
            _readQueue.Flush();
            ReportConsumption();
        }
        if (flush.Flags.Writes()) _below.Put(flush with { Flags = flush.Flags & ~FlushFlags.FLUSHR });
    }

    /// <summary>
    /// M_ERROR (strrput): store the errors ("no change" leaves one as it is), send the matching
    /// M_FLUSH down (D9: FLUSHW empties ptm's queue), and end every call the errors now stop:
    /// writers, readers on a read error, and the ioctls outstanding or waiting (H1).
    /// </summary>
    private void StoreError(ErrorMessage error)
    {
        if (error.ReadError != Errno.None) ReadError = error.ReadError;
        if (error.WriteError != Errno.None) WriteError = error.WriteError;
        var flush = (error.ReadError != Errno.None ? FlushFlags.FLUSHR : 0) | (error.WriteError != Errno.None ? FlushFlags.FLUSHW : 0);
        if (flush.Reads()) _readQueue.Flush();
        if (flush != FlushFlags.None) _below.Put(new FlushMessage(flush));
        FailIoctls(StoredError);
        ServeReaders();
        ResumeWriters();
    }

    /// <summary>M_HANGUP (L15): readers get what is left then 0, writers EIO, waiting ioctls ENXIO (PD6).</summary>
    private void HangUp()
    {
        if (HungUp) return;
        HungUp = true;
        if (IsTty) Record(Signal.SIGHUP); // strhup on a terminal (M4.5)
        AnswerHangUpWatches(); // PtyHandle.HungUp
        FailWaitingIoctls(Errno.ENXIO);
        ServeReaders();
        ResumeWriters();
    }

    /// <summary>POLLIN|POLLOUT readiness now; POLLERR alone with a stored error (strpoll); POLLHUP never with POLLOUT.</summary>
    public PollEvents Readiness()
    {
        if (StoredError != Errno.None) return PollEvents.POLLERR;
        var events = PollEvents.None;
        if (_readQueue.HasMessage) events |= PollEvents.POLLIN;
        if (HungUp) events |= PollEvents.POLLHUP;
        else if (_below.CanPut) events |= PollEvents.POLLOUT; // H8: room is all it takes
        return events;
    }

    /// <summary>The side is closing or crashed: every call still held here ends with <paramref name="errno"/>.</summary>
    public void FailAll(Errno errno)
    {
        _below.Deliver(); // a partly moved write returns its count only after its data has gone
        FailReaders(errno);
        FailWriters(errno);
        FailIoctls(errno);
        FailHangUpWatches(errno);
        if (_signalWaiters is { } waiters)
        {
            foreach (var waiter in waiters) waiter.Fail(errno);
            waiters.Clear();
        }
    }
}
