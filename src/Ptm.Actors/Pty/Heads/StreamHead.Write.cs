using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>Writes and putmsg: moved down while the queue below has room, held while it has none (D14, D18, H8).</summary>
internal sealed partial class StreamHead
{
    // Created on first use: most sides of idle pairs never hold a writer (memory per idle pair).
    private Queue<PtyRequest>? _writers;
    private bool _resuming;

    private int HeldWriters => _writers?.Count ?? 0;

    /// <summary>The error a write fails with now: EIO once hung up (L15), else the stored write error (PD4).</summary>
    private Errno WriteFailure(PtyRequest request) =>
        HungUp ? (request is WriteRequest ? Errno.EIO : Errno.ENXIO) : WriteError;

    public void Write(PtyRequest request)
    {
        if (WriteFailure(request) is var error && error != Errno.None)
        {
            request.Fail(error);
            return;
        }
        // H8: no order among writers; a writer already held does not make this one wait.
        if (TryFinish(request)) return;
        if (!request.IsNonBlocking)
        {
            (_writers ??= new Queue<PtyRequest>()).Enqueue(request);
            _below.Diagnostics.Stalled(); // H8: parked by flow control
        }
        else if (request is WriteRequest { Accepted: > 0 } partial) request.Complete(partial.Accepted); // D19: a partial count
        else request.Fail(Errno.EAGAIN);
    }

    /// <summary>Moves what flow control allows; completes the call once all of it is down. False: it must wait.</summary>
    private bool TryFinish(PtyRequest request)
    {
        if (request is PutmsgRequest putmsg)
        {
            if (!_below.CanPut) return false;
            if (putmsg.Control is { } control) _below.Put(new ProtoMessage(control.ToArray(), (putmsg.Data ?? ReadOnlyMemory<byte>.Empty).ToArray(), Priority: false)); // copies: the caller may reuse its buffers
            else if (putmsg.Data is { } data) _below.Put(new DataMessage(data.ToArray()));
            _below.Deliver();
            _below.Diagnostics.Wrote((putmsg.Control?.Length ?? 0) + (putmsg.Data?.Length ?? 0));
            request.Complete(0);
            return true;
        }
        var write = (WriteRequest)request;
        Advance(write);
        if (!write.IsFinished) return false;
        write.Complete(write.Data.Length);
        return true;
    }

    /// <summary>Moves as much of the write down as flow control allows, in packets of MaxPacket (D18).</summary>
    private void Advance(WriteRequest request)
    {
        if (request.Data.Length == 0)
        {
            if (!request.ZeroLengthSent && _below.CanPut)
            {
                request.ZeroLengthSent = true;
                _below.Put(DataMessage.Empty); // PD8
                _below.Deliver();
            }
            return;
        }
        var maxPacket = _below.MaxPacket;
        var before = request.Accepted;
        while (request.Accepted < request.Data.Length && _below.CanPut)
        {
            // The caller may reuse its buffer once the write returns, so the stream copies it, once (D18 packets slice the copy).
            if (request.Copy.Length == 0) request.Copy = CopyOf(request.Data);
            var count = Math.Min(maxPacket, request.Data.Length - request.Accepted);
            var packet = request.Copy.Slice(request.Accepted, count);
            request.Accepted += count;
            _below.Put(new DataMessage(packet));
            if (WriteError != Errno.None)
            {
                request.Accepted = request.Data.Length; // D9 raised M_ERROR: the whole write counts as written (PD4)
                break;
            }
        }
        _below.Deliver(); // before the write can complete: its data is on its way first
        _below.Diagnostics.Wrote(request.Accepted - before);
    }

    /// <summary>The stream's copy of a write: every byte is overwritten at once, so the array is not zeroed first.</summary>
    private static byte[] CopyOf(ReadOnlyMemory<byte> data)
    {
        var copy = GC.AllocateUninitializedArray<byte>(data.Length);
        data.Span.CopyTo(copy);
        return copy;
    }

    /// <summary>The queue below drained below its low-water mark (the back-enable of D15): every held writer tries again (H8).</summary>
    public void BackEnabled() => ResumeWriters();

    /// <summary>
    /// Wakes the held writers, oldest first, each moving what it can. Moving a writer puts
    /// messages down, which may back-enable again: the nested call returns at once and this
    /// loop, which re-checks every condition on each turn, carries on (the actor form of R8).
    /// </summary>
    private void ResumeWriters()
    {
        if (_resuming || _writers is null) return;
        _resuming = true;
        try
        {
            while (_writers.Count > 0)
            {
                var writer = _writers.Peek();
                if (!writer.IsDone)
                {
                    if (WriteFailure(writer) is var error && error != Errno.None) EndWriter(writer, error);
                    else if (!TryFinish(writer)) return;
                }
                _writers.Dequeue();
            }
        }
        finally
        {
            _resuming = false;
        }
    }

    /// <summary>A held writer stopped by an error returns the count it moved, or the error if it moved nothing.</summary>
    private void EndWriter(PtyRequest writer, Errno error)
    {
        _below.Deliver(); // what the writer already moved goes before its call returns
        if (writer is WriteRequest { Accepted: > 0 } partial) partial.Complete(partial.Accepted);
        else writer.Fail(error);
    }

    private void FailWriters(Errno errno)
    {
        while (HeldWriters > 0) EndWriter(_writers!.Dequeue(), errno);
    }
}
