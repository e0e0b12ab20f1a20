using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>Reads and getmsg: served from the read queue, or held in arrival order until data, end of file or an error.</summary>
internal sealed partial class StreamHead
{
    // Created on first use: most sides of idle pairs never hold a reader (memory per idle pair).
    private Queue<PtyRequest>? _readers;

    private int HeldReaders => _readers?.Count ?? 0;

    public void Read(ReadRequest request)
    {
        if (request.Buffer.Length == 0)
        {
            _readQueue.ReadNothing(); // H4: never sleeps, but a queued EOF is consumed
            request.Complete(0);
            return;
        }
        Take(request);
    }

    public void Getmsg(GetmsgRequest request) => Take(request);

    private void Take(PtyRequest request)
    {
        if (HeldReaders == 0 && TryServe(request)) return;
        if (request.IsNonBlocking) request.Fail(Errno.EAGAIN); // D19, PD7
        else
        {
            (_readers ??= new Queue<PtyRequest>()).Enqueue(request);
            if (_readNotify && request is ReadRequest read) _below.Put(new ReadMessage(read.Buffer.Length)); // SO_MREADON: ldterm's VMIN/VTIME (M1)
        }
    }

    /// <summary>Completes a read or getmsg if data, end of file or an error is there. False: it must wait.</summary>
    private bool TryServe(PtyRequest request)
    {
        if (ReadError != Errno.None)
        {
            request.Fail(ReadError);
            return true;
        }
        if (_readQueue.HasMessage)
        {
            if (!request.TryClaim()) return true; // cancelled meanwhile: its buffer is no longer ours
            request.CompleteClaimed(Serve(request));
            ReportConsumption();
            return true;
        }
        if (!HungUp) return false;
        if (request is GetmsgRequest getmsg) getmsg.Data = ReadOnlyMemory<byte>.Empty; // both parts empty at a hang-up
        request.Complete(0); // L15: after the remaining data, 0 forever
        return true;
    }

    private SysResult Serve(PtyRequest request)
    {
        if (request is GetmsgRequest getmsg)
        {
            (getmsg.Control, getmsg.Data) = _readQueue.TakeMessage(getmsg.ControlLength, getmsg.DataLength);
            return SysResult.Ok(0);
        }
        if (_readQueue.ProtoFirst) return SysResult.Fail(Errno.EBADMSG); // H7: left queued for getmsg
        return SysResult.Ok(_readQueue.Read(((ReadRequest)request).Buffer.Span));
    }

    private void ServeReaders()
    {
        if (_readers is null) return;
        while (_readers.Count > 0)
        {
            var reader = _readers.Peek();
            if (!reader.IsDone && !TryServe(reader)) return;
            _readers.Dequeue();
        }
    }

    /// <summary>Tells the queue below how much has been consumed once the read queue drained far enough (D15).</summary>
    private void ReportConsumption()
    {
        if (_readQueue.TakeCreditReport() is { } consumed) _below.ReadSideDrained(consumed);
    }

    private void FailReaders(Errno errno)
    {
        while (HeldReaders > 0) _readers!.Dequeue().Fail(errno);
    }
}
