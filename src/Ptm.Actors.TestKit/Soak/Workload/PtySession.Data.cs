using Ptm.Actors.Pty;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// The data lanes: a writer and a reader on each side. Writers send PayloadPattern bytes in
/// random sizes (one write in flight per stream, WriteStarted before, Accepted after, an EAGAIN
/// retried at the same offset); readers read random sizes at their pace and report what
/// arrived against the stream it belongs to (PD14). The manager reads the s->m stream of the
/// epoch after the last EOF it read (L13); the subsidiary reads its own epoch's m->s stream.
/// </summary>
internal sealed partial class PtySession
{
    private const int MaxReadSize = 4096;
    private const int MaxWriteSize = 16384;

    private readonly byte[][] _readBuffers;
    private readonly byte[][] _writeBuffers;

    // Per direction (ManagerToSubsidiary, SubsidiaryToManager) within the current epoch.
    private readonly long[] _writeOffset = new long[2];
    private readonly long[] _writeBudget = new long[2];
    private readonly bool[] _writerStopped = new bool[2];

    /// <summary>PD4/PD5: the manager stream's sticky EINVAL is set; its writes fail for the rest of the session.</summary>
    private bool _managerWritesBroken;

    /// <summary>The s->m epoch the manager is reading (one past the last EOF it read, L13).</summary>
    private int _managerReadEpoch = 1;
    private bool _managerReaderStopped;
    private bool _subsidiaryReaderStopped;

    /// <summary>The subsidiary read 0: hung up and drained (L15).</summary>
    private bool _subsidiaryReadEof;

    private void ResetEpochData()
    {
        for (var d = 0; d < 2; d++)
        {
            _writeOffset[d] = 0;
            _writerStopped[d] = false;
            // Mostly small exchanges, some bulk ones that meet flow control.
            var size = _random.NextDouble();
            _writeBudget[d] = size < 0.3 ? Between(0, 2048) : size < 0.85 ? Between(2048, 32768) : Between(32768, 262144);
        }
        _subsidiaryReaderStopped = false;
        _subsidiaryReadEof = false;
        _m2sReceived = 0;
    }

    private bool WriterMayWrite(Direction direction) => direction == Direction.ManagerToSubsidiary
        ? _subsidiaryOpen && !_subsidiaryClosing && !_managerClosing && !_managerWritesBroken && !_writerStopped[0] && _writeOffset[0] < _writeBudget[0]
        : _subsidiaryOpen && !_subsidiaryClosing && !_writerStopped[1] && _writeOffset[1] < _writeBudget[1];

    private bool StepWriter(SoakCall lane, Direction direction, long now)
    {
        if (!lane.ReadyAt(now) || !WriterMayWrite(direction)) return false;
        var d = (int)direction;
        var size = _random.NextDouble();
        var length = size < 0.7 ? Between(1, 512) : size < 0.95 ? Between(513, 4096) : Between(4097, MaxWriteSize);
        length = (int)Math.Min(length, _writeBudget[d] - _writeOffset[d]);
        var key = new StreamKey(Id, direction, _epoch);
        var buffer = _writeBuffers[d];
        PayloadPattern.Fill(key, _writeOffset[d], buffer.AsSpan(0, length));
        lane.Stream = key;
        lane.Offset = _writeOffset[d];
        lane.Length = length;
        Emit(new WriteStarted(key, lane.Offset, length));
        var manager = direction == Direction.ManagerToSubsidiary;
        Begin(lane, manager ? "write_m" : "write_s", now);
        Issue(lane, Posix.WriteAsync(manager ? _managerFd : _subsidiaryFd, buffer.AsMemory(0, length), null, _driver.Abandon));
        return true;
    }

    private void OnWriteCompleted(SoakCall lane, Direction direction, SysResult result, long now)
    {
        var d = (int)direction;
        if (result.IsOk && result.Value > 0)
        {
            var count = (int)result.Value;
            Emit(new Accepted(lane.Stream, lane.Offset, count));
            // Only the epoch still current moves on (a write of a closed epoch just ends).
            if (lane.Stream.Epoch == _epoch) _writeOffset[d] = lane.Offset + count;
            return;
        }
        if (result.IsOk || result.Errno == Errno.EAGAIN)
        {
            lane.WakeTicks = now + Millis(1, 5); // flow control on a non-blocking handle: retry at the same offset
            return;
        }
        if (direction == Direction.ManagerToSubsidiary && result.Errno == Errno.EINVAL)
            _managerWritesBroken = true; // PD4 sticky error (D9: a write met no subsidiary)
        if (direction == Direction.SubsidiaryToManager && result.Errno == Errno.EIO && !_subsidiaryClosing && lane.Stream.Epoch == _epoch)
            Emit(new HangupSeen(Id, _epoch)); // L15: write fails EIO once hung up
        // Some of a failed write may have arrived, so the stream is never written again.
        if (lane.Stream.Epoch == _epoch) _writerStopped[d] = true;
    }

    // A canonical read takes a whole line (M1): the terminal checks want one line a read. A read
    // issued in raw mode may still be waiting when canonical mode comes back, so all take a line.
    private int ReadSize(int reader, long now) =>
        reader == 1 && _terminalEpoch ? MaxReadSize :
        now < _slowUntil[reader] ? Between(1, 16) : _random.NextDouble() < 0.2 ? Between(1, 64) : Between(65, MaxReadSize);

    private bool StepManagerReader(long now)
    {
        if (!_managerReader.ReadyAt(now) || !WasStarted || _managerClosing || _managerReaderStopped) return false;
        var size = ReadSize(0, now);
        Begin(_managerReader, "read_m", now);
        Issue(_managerReader, Posix.ReadAsync(_managerFd, _readBuffers[0].AsMemory(0, size), null, _driver.Abandon));
        return true;
    }

    private void OnManagerReadCompleted(SysResult result, long now)
    {
        if (result.IsOk && result.Value > 0)
        {
            Emit(new Received(new StreamKey(Id, Direction.SubsidiaryToManager, _managerReadEpoch), _readBuffers[0].AsMemory(0, (int)result.Value)));
            if (now < _slowUntil[0]) _managerReader.WakeTicks = now + Millis(1, 5);
            return;
        }
        if (result.IsOk)
        {
            // L13: one EOF per subsidiary last close; the next data belongs to the next epoch.
            Emit(new EofSeen(Id, Side.Manager, _managerReadEpoch));
            if (_managerReadEpoch <= _epoch) _managerReadEpoch++;
            return;
        }
        switch (result.Errno)
        {
            case Errno.EAGAIN: _managerReader.WakeTicks = now + Millis(1, 10); break;
            default: _managerReaderStopped = true; break; // EBADF after close, EIO after a crash, EINTR once the teardown gave up
        }
    }

    private bool StepSubsidiaryReader(long now)
    {
        if (!_subsidiaryReader.ReadyAt(now) || _step is ControlStep.PushModules or ControlStep.CloseReopenedCrash || !_subsidiaryOpen || _subsidiaryClosing || _subsidiaryReadEof || _subsidiaryReaderStopped) return false;
        var size = ReadSize(1, now);
        Begin(_subsidiaryReader, "read_s", now);
        Issue(_subsidiaryReader, Posix.ReadAsync(_subsidiaryFd, _readBuffers[1].AsMemory(0, size), null, _driver.Abandon));
        _subsidiaryReader.Stream = new StreamKey(Id, Direction.ManagerToSubsidiary, _epoch);
        return true;
    }

    private void OnSubsidiaryReadCompleted(SysResult result, long now)
    {
        var stream = _subsidiaryReader.Stream;
        if (result.IsOk && result.Value > 0)
        {
            Emit(new Received(stream, _readBuffers[1].AsMemory(0, (int)result.Value)));
            if (stream.Epoch == _epoch) _m2sReceived += result.Value;
            if (now < _slowUntil[1]) _subsidiaryReader.WakeTicks = now + Millis(1, 5);
            return;
        }
        if (stream.Epoch != _epoch) return; // a read of an epoch already closed
        if (result.IsOk)
        {
            Emit(new EofSeen(Id, Side.Subsidiary, _epoch)); // L15: drained, then 0 forever
            _subsidiaryReadEof = true;
            return;
        }
        switch (result.Errno)
        {
            case Errno.EAGAIN: _subsidiaryReader.WakeTicks = now + Millis(1, 10); break;
            default: _subsidiaryReaderStopped = true; break;
        }
    }
}
