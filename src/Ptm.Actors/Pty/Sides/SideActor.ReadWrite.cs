using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>The stream head: reads, writes and poll for the host, with blocking by parking the request.</summary>
internal abstract partial class SideActor
{
    // Created on first use: most sides of idle pairs never park a caller (memory per idle pair).
    private Queue<ReadRequest>? _readers;
    private Queue<WriteRequest>? _writers;
    private bool _resuming;

    private void HandleRead(ReadRequest request)
    {
        if (request.Buffer.Length == 0)
        {
            request.Complete(0);
            return;
        }
        if (ParkedReaders == 0 && TryRead(request)) return;
        if (request.IsNonBlocking) request.Fail(Errno.EAGAIN); // D19, PD7
        else (_readers ??= new Queue<ReadRequest>()).Enqueue(request);
    }

    /// <summary>Completes the read if data (or end of file) is there. False: it must wait.</summary>
    private bool TryRead(ReadRequest request)
    {
        if (ReadQueue.HasMessage)
        {
            if (!request.TryClaim()) return true; // cancelled meanwhile: its buffer is no longer ours
            var count = ReadQueue.Read(request.Buffer.Span);
            request.CompleteClaimed(SysResult.Ok(count));
            ReportCredit();
            return true;
        }
        if (HungUp)
        {
            request.Complete(0); // L15: after the remaining data, 0 forever
            return true;
        }
        return false;
    }

    private int ParkedReaders => _readers?.Count ?? 0;
    private int ParkedWriters => _writers?.Count ?? 0;

    protected void SatisfyReaders()
    {
        if (_readers is null) return;
        while (_readers.Count > 0)
        {
            var reader = _readers.Peek();
            if (!reader.IsDone && !TryRead(reader)) return;
            _readers.Dequeue();
        }
    }

    /// <summary>Tells the producer how much has been consumed once the queue drained far enough (D15).</summary>
    protected void ReportCredit()
    {
        if (ReadQueue.TakeCreditReport() is { } consumed && Peer is not null) TellPeer(new Credit(consumed));
    }

    private void HandleWrite(WriteRequest request)
    {
        if (WriteError is var error && error != Errno.None)
        {
            request.Fail(error);
            return;
        }
        if (ParkedWriters > 0)
        {
            if (request.IsNonBlocking) request.Fail(Errno.EAGAIN);
            else _writers!.Enqueue(request);
            return;
        }
        Advance(request);
        if (request.IsFinished) request.Complete(request.Data.Length);
        else if (request.IsNonBlocking)
        {
            if (request.Accepted > 0) request.Complete(request.Accepted); // D19: a partial count
            else request.Fail(Errno.EAGAIN);
        }
        else (_writers ??= new Queue<WriteRequest>()).Enqueue(request);
    }

    /// <summary>Moves as much of the write into the driver as flow control allows, in packets of MaxPacket (D18).</summary>
    private void Advance(WriteRequest request)
    {
        if (request.Data.Length == 0)
        {
            if (!request.ZeroLengthSent && WriteQueue.CanPut)
            {
                request.ZeroLengthSent = true;
                PutDown(DataMessage.Empty); // PD8
                SendRun();
            }
            return;
        }
        while (request.Accepted < request.Data.Length && WriteQueue.CanPut)
        {
            // The caller may reuse its buffer once the write returns, so the stream copies it, once (D18 packets slice the copy).
            if (request.Copy.Length == 0) request.Copy = CopyOf(request.Data);
            var count = Math.Min(MaxPacket, request.Data.Length - request.Accepted);
            var packet = request.Copy.Slice(request.Accepted, count);
            request.Accepted += count;
            if (!PutDown(new DataMessage(packet)))
            {
                request.Accepted = request.Data.Length; // the whole write counts as written (PD4)
                break;
            }
        }
        SendRun(); // before the write can complete: its data is on its way first
    }

    /// <summary>The stream's copy of a write: every byte is overwritten at once, so the array is not zeroed first.</summary>
    private static byte[] CopyOf(ReadOnlyMemory<byte> data)
    {
        var copy = GC.AllocateUninitializedArray<byte>(data.Length);
        data.Span.CopyTo(copy);
        return copy;
    }

    /// <summary>
    /// Writers held by flow control go on once the driver's queue is below low water (D15).
    /// Advancing a writer puts messages down, which runs the service procedure, which may call
    /// this again: the nested call returns at once and the outer loop, which re-checks every
    /// condition on each turn, carries on (the actor-internal form of R8).
    /// </summary>
    protected void ResumeWriters()
    {
        if (_resuming) return;
        _resuming = true;
        try
        {
            ResumeWritersCore();
        }
        finally
        {
            _resuming = false;
        }
    }

    private void ResumeWritersCore()
    {
        if (_writers is null) return;
        while (_writers.Count > 0)
        {
            var writer = _writers.Peek();
            if (writer.IsDone) { _writers.Dequeue(); continue; }
            if (WriteError is var error && error != Errno.None)
            {
                _writers.Dequeue();
                SendRun(); // what the writer already moved goes before its call returns
                if (writer.Accepted > 0) writer.Complete(writer.Accepted);
                else writer.Fail(error);
                continue;
            }
            if (!WriteQueue.BelowLowWater) return;
            Advance(writer);
            if (!writer.IsFinished) return;
            _writers.Dequeue();
            writer.Complete(writer.Data.Length);
        }
    }

    /// <summary>POLLIN|POLLOUT readiness now; POLLERR alone with a write error (strpoll); POLLHUP never with POLLOUT.</summary>
    private PollEvents Readiness()
    {
        if (HasErrorCondition) return PollEvents.POLLERR;
        var events = PollEvents.None;
        if (ReadQueue.HasMessage) events |= PollEvents.POLLIN;
        if (HungUp) events |= PollEvents.POLLHUP;
        else if (ParkedWriters == 0 && WriteQueue.CanPut) events |= PollEvents.POLLOUT;
        return events;
    }

    protected void FailReadersAndWriters(Errno errno)
    {
        SendRun(); // a partly moved write returns its count only after its data has gone
        while (ParkedReaders > 0) _readers!.Dequeue().Fail(errno);
        while (ParkedWriters > 0)
        {
            var writer = _writers!.Dequeue();
            if (writer.Accepted > 0) writer.Complete(writer.Accepted);
            else writer.Fail(errno);
        }
    }
}
