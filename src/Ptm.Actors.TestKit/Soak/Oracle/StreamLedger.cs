using Ptm.Actors.TestKit.Soak.Report;
using Ptm.Actors.TestKit.Soak.Workload;

namespace Ptm.Actors.TestKit.Soak.Oracle;

/// <summary>
/// What the checker knows about one byte stream (PD14), in constant memory: how far writes were
/// started and accepted, how far the reader has got, which discards may excuse missing bytes,
/// and a few pending holes (bytes skipped by the reader that may still arrive late).
///
/// Discard accounting. Two shapes of legal loss exist:
/// * a window (a flush, D4, D5, D6): bytes anywhere in flight may vanish. While a window is open
///   every gap is legal; when it closes, every byte started before that moment may be missing,
///   later bytes may not. The bound is generous by at most what was in flight, which is all a
///   concurrent observer can know.
/// * a tail: what was still queued is dropped, so the reader may stop short of the accepted
///   end, but a byte that arrives after a gap still proves the gap was lost in the middle: a
///   violation. The tails: a manager's non-blocking close (L14), or a blocking one whose 15 s
///   drain ran out (H3); the reader's own last close, which leaves what PD5 holds in ptm's
///   queue undelivered; a crash of the side that held the bytes (PD13).
/// A gap not covered becomes a hole: it is data_reordered if its bytes arrive later, and
/// data_loss once the stream is drained (EOF) or released with the hole still open.
///
/// Short chunks. A chunk under <see cref="PayloadPattern.DecodableLength"/> bytes that does not
/// continue at <see cref="Next"/> cannot be decoded, and a search would place it at the first
/// offset where its bytes happen to match: after a flush, often inside the discarded gap, which
/// then shows a false hole at its real position. Such a chunk is held back, with the short ones
/// that follow it, until a run of them decodes or a decodable chunk comes: the held chunks
/// contiguous just before it are placed there. Only the ones nothing places that way fall back
/// to the search, as one run first: when too many are held, when the stream is released, and
/// before a discard window opens (so a gap that a chunk proved before the flush stays a hole).
/// At the reader's EOF a held run that ends the accepted bytes is placed there.
/// </summary>
internal sealed class StreamLedger
{
    /// <summary>Holes kept per stream; beyond this the oldest is reported as lost at once.</summary>
    public const int MaxHoles = 8;

    /// <summary>How far short chunks (which cannot be decoded) are searched for around the expected offset.</summary>
    public const int ShortChunkSearchWindow = 64 * 1024;

    /// <summary>Short chunks held back per stream while waiting for the chunk that places them; beyond this the oldest is searched for.</summary>
    public const int MaxHeldShortChunks = 32;

    private List<(long Start, long End)>? _holes;
    private List<byte[]>? _held;
    private bool _judgementDeferred;

    public StreamLedger(StreamKey key) => Key = key;

    public StreamKey Key { get; }

    /// <summary>End of the bytes any write has been started for (received bytes never go beyond it).</summary>
    public long StartedEnd { get; private set; }

    /// <summary>End of the bytes whose writes returned a count.</summary>
    public long AcceptedEnd { get; private set; }

    /// <summary>The offset the reader is expected to receive next.</summary>
    public long Next { get; private set; }

    /// <summary>Flush windows currently open.</summary>
    public int OpenWindows { get; private set; }

    /// <summary>Bytes below this may be missing (flush windows that have closed).</summary>
    public long CoverEnd { get; private set; }

    /// <summary>A tail discard happened (L14, H3, PD5, PD13): the reader may stop short of AcceptedEnd.</summary>
    public bool TailMayBeMissing { get; private set; }

    /// <summary>Short chunks held back, waiting for the chunk that places them (at most <see cref="MaxHeldShortChunks"/>).</summary>
    internal int HeldShortChunks => _held?.Count ?? 0;

    /// <summary>The reader saw EOF; any later byte is out of order.</summary>
    public bool Drained { get; private set; }

    public void OnWriteStarted(long offset, int length, ViolationLog violations)
    {
        if (offset != AcceptedEnd || length < 0)
            violations.Record(ViolationKind.HarnessError, Key.Session, $"{Key}: write of {length} bytes started at offset {offset} but accepted bytes end at {AcceptedEnd}");
        StartedEnd = Math.Max(StartedEnd, offset + Math.Max(length, 0));
    }

    public void OnAccepted(long offset, int length, ViolationLog violations)
    {
        if (offset != AcceptedEnd || length < 0 || offset + length > StartedEnd)
        {
            violations.Record(ViolationKind.HarnessError, Key.Session, $"{Key}: {length} bytes accepted at offset {offset}, but accepted bytes end at {AcceptedEnd} and started ones at {StartedEnd}");
            StartedEnd = Math.Max(StartedEnd, offset + Math.Max(length, 0));
        }
        AcceptedEnd = Math.Max(AcceptedEnd, offset + Math.Max(length, 0));
    }

    public void OnWindowOpened(ViolationLog violations)
    {
        PlaceHeldBySearch(violations);
        OpenWindows++;
    }

    public void OnWindowClosed(ViolationLog violations)
    {
        if (OpenWindows == 0)
        {
            violations.Record(ViolationKind.HarnessError, Key.Session, $"{Key}: discard window closed that was never opened");
            return;
        }
        OpenWindows--;
        CoverEnd = Math.Max(CoverEnd, StartedEnd);
    }

    public void OnTailDiscard() => TailMayBeMissing = true;

    public void OnReceived(ReadOnlySpan<byte> bytes, Func<uint, StreamKey?> streamForTag, ViolationLog violations)
    {
        if (bytes.Length == 0) return;
        if (Drained)
        {
            violations.Record(ViolationKind.DataReordered, Key.Session, $"{Key}: {bytes.Length} bytes arrived after the end-of-file (L13, L15)");
            return;
        }
        if (bytes.Length >= PayloadPattern.DecodableLength) ReceiveDecodable(bytes, streamForTag, violations);
        else if (_held is { Count: > 0 }) HoldShort(bytes, streamForTag, violations);
        else if (PayloadPattern.Matches(Key, Next, bytes)) Place(Next, bytes, violations);
        else (_held ??= new List<byte[]>(4)).Add(bytes.ToArray());
    }

    // A decodable chunk places itself, and the held short chunks contiguous just before it.
    private void ReceiveDecodable(ReadOnlySpan<byte> bytes, Func<uint, StreamKey?> streamForTag, ViolationLog violations)
    {
        long position;
        if (PayloadPattern.Matches(Key, Next, bytes)) position = Next;
        else if (!TryDecodeHere(bytes, streamForTag, out position))
        {
            PlaceHeldBySearch(violations);
            if (TryLocate(bytes, streamForTag, violations, out position)) Place(position, bytes, violations);
            return;
        }
        if (_held is { Count: > 0 })
        {
            var first = _held.Count;
            var start = position;
            while (first > 0 && PayloadPattern.Matches(Key, start - _held[first - 1].Length, _held[first - 1]))
                start -= _held[--first].Length;
            for (var i = 0; i < first; i++) PlaceBySearch(_held[i], violations);
            for (var i = first; i < _held.Count; i++)
            {
                Place(start, _held[i], violations);
                start += _held[i].Length;
            }
            _held.Clear();
        }
        Place(position, bytes, violations);
    }

    // Another short chunk while some are held: the run is placed as soon as a tail of it decodes.
    private void HoldShort(ReadOnlySpan<byte> bytes, Func<uint, StreamKey?> streamForTag, ViolationLog violations)
    {
        var held = _held!;
        held.Add(bytes.ToArray());
        var tailLength = 0;
        foreach (var chunk in held) tailLength += chunk.Length;
        for (var first = 0; first < held.Count && tailLength >= PayloadPattern.DecodableLength; tailLength -= held[first++].Length)
        {
            var tail = Concatenated(held, first);
            if (!TryDecodeHere(tail, streamForTag, out var position)) continue;
            for (var i = 0; i < first; i++) PlaceBySearch(held[i], violations);
            held.Clear();
            Place(position, tail, violations);
            return;
        }
        if (held.Count > MaxHeldShortChunks)
        {
            PlaceBySearch(held[0], violations);
            held.RemoveAt(0);
        }
    }

    private bool TryDecodeHere(ReadOnlySpan<byte> bytes, Func<uint, StreamKey?> streamForTag, out long position)
    {
        if (PayloadPattern.TryDecode(bytes, streamForTag, out var source, out position) && source == Key) return true;
        position = -1;
        return false;
    }

    // The held chunks nothing placed, in the order they arrived: the whole run where it continues
    // or where the search finds it (a longer pattern, so a chance match is far less likely),
    // else each chunk so.
    private void PlaceHeldBySearch(ViolationLog violations)
    {
        if (_held is not { Count: > 0 } held) return;
        if (held.Count > 1)
        {
            var run = Concatenated(held, 0);
            var position = Next;
            if (PayloadPattern.Matches(Key, Next, run) || SearchNear(run, out position))
            {
                held.Clear();
                Place(position, run, violations);
                return;
            }
        }
        foreach (var chunk in held) PlaceBySearch(chunk, violations);
        held.Clear();
    }

    // The reader saw EOF, so the held run is the last it read, and every accepted byte must have
    // arrived: where the run ends the accepted bytes it is placed there, not at a chance match
    // before a flushed gap; otherwise it is searched for.
    private void PlaceHeldAtEnd(ViolationLog violations)
    {
        if (_held is not { Count: > 0 } held) return;
        var run = Concatenated(held, 0);
        var at = AcceptedEnd - run.Length;
        if (at < Next || !PayloadPattern.Matches(Key, at, run))
        {
            PlaceHeldBySearch(violations);
            return;
        }
        held.Clear();
        Place(at, run, violations);
    }

    /// <summary>The chunks from <paramref name="first"/> on, as one.</summary>
    private static byte[] Concatenated(List<byte[]> chunks, int first)
    {
        var length = 0;
        for (var i = first; i < chunks.Count; i++) length += chunks[i].Length;
        var run = new byte[length];
        var at = 0;
        for (var i = first; i < chunks.Count; i++)
        {
            chunks[i].CopyTo(run, at);
            at += chunks[i].Length;
        }
        return run;
    }

    private void PlaceBySearch(ReadOnlySpan<byte> bytes, ViolationLog violations)
    {
        long position;
        if (PayloadPattern.Matches(Key, Next, bytes)) position = Next;
        else if (!TryLocate(bytes, static _ => null, violations, out position)) return; // short: searched, never decoded
        Place(position, bytes, violations);
    }

    private void Place(long position, ReadOnlySpan<byte> bytes, ViolationLog violations)
    {
        var end = position + bytes.Length;
        if (end > StartedEnd)
        {
            violations.Record(ViolationKind.DataCorrupted, Key.Session, $"{Key}: bytes [{position}, {end}) arrived but writes were only started up to {StartedEnd}");
            return;
        }
        if (position > Next) SkipTo(position, violations);
        else if (position < Next) ReportEarlier(position, Math.Min(end, Next), violations);
        Next = Math.Max(Next, end);
    }

    /// <summary>The reader saw EOF: every accepted byte not covered by a discard must have arrived.</summary>
    public void Drain(ViolationLog violations)
    {
        if (Drained) return;
        PlaceHeldAtEnd(violations);
        Judge(violations);
        Drained = true;
    }

    /// <summary>
    /// The reader saw EOF before the discards that may explain it are known (a draining manager
    /// close whose outcome, delivered or 15 s ran out, comes only with its completion, H3): later
    /// bytes are out of order at once, the missing ones are judged by <see cref="JudgeDeferred"/>.
    /// </summary>
    public void DrainLater(ViolationLog violations)
    {
        if (Drained) return;
        PlaceHeldAtEnd(violations);
        Drained = true;
        _judgementDeferred = true;
    }

    /// <summary>Judges a deferred EOF (<see cref="DrainLater"/>) now that every discard is known.</summary>
    public void JudgeDeferred(ViolationLog violations)
    {
        if (!_judgementDeferred) return;
        _judgementDeferred = false;
        Judge(violations);
    }

    private void Judge(ViolationLog violations)
    {
        if (Next < AcceptedEnd && OpenWindows == 0 && !TailMayBeMissing)
        {
            var uncovered = Math.Max(Next, CoverEnd);
            if (uncovered < AcceptedEnd)
                violations.Record(ViolationKind.DataLoss, Key.Session, $"{Key}: bytes [{uncovered}, {AcceptedEnd}) were accepted but had not arrived when the reader saw end-of-file, and no discard covers them");
        }
        ReportHolesAsLost(violations);
    }

    /// <summary>The stream is forgotten (reader gone): holes still open are lost bytes.</summary>
    public void Release(ViolationLog violations)
    {
        PlaceHeldBySearch(violations);
        ReportHolesAsLost(violations);
    }

    private void SkipTo(long position, ViolationLog violations)
    {
        if (OpenWindows > 0) return;
        var uncovered = Math.Max(Next, CoverEnd);
        if (uncovered >= position) return;
        _holes ??= new List<(long, long)>(2);
        if (_holes.Count == MaxHoles)
        {
            ReportLost(_holes[0].Start, _holes[0].End, violations);
            _holes.RemoveAt(0);
        }
        _holes.Add((uncovered, position));
    }

    private void ReportEarlier(long start, long end, ViolationLog violations)
    {
        if (_holes is not null)
        {
            for (var i = 0; i < _holes.Count; i++)
            {
                var (holeStart, holeEnd) = _holes[i];
                if (start >= holeEnd || end <= holeStart) continue;
                violations.Record(ViolationKind.DataReordered, Key.Session, $"{Key}: bytes [{start}, {end}) arrived after later bytes (up to {Next}) had already arrived");
                _holes.RemoveAt(i);
                // Keep what of the hole is still missing on either side of the late chunk.
                if (holeStart < start) _holes.Add((holeStart, start));
                if (end < holeEnd) _holes.Add((end, holeEnd));
                return;
            }
        }
        violations.Record(ViolationKind.DataDuplicated, Key.Session, $"{Key}: bytes [{start}, {end}) arrived again (the reader was already at {Next})");
    }

    private bool TryLocate(ReadOnlySpan<byte> bytes, Func<uint, StreamKey?> streamForTag, ViolationLog violations, out long position)
    {
        if (bytes.Length >= PayloadPattern.DecodableLength)
        {
            if (PayloadPattern.TryDecode(bytes, streamForTag, out var source, out position))
            {
                if (source == Key) return true;
                violations.Record(ViolationKind.DataCorrupted, Key.Session, $"{Key}: {bytes.Length} bytes expected at offset {Next} are offset {position} of {source} (PD5: output of another epoch or session)");
                return false;
            }
        }
        else if (SearchNear(bytes, out position)) return true;
        violations.Record(ViolationKind.DataCorrupted, Key.Session, $"{Key}: {bytes.Length} bytes expected at offset {Next} match no position this stream was written at");
        position = -1;
        return false;
    }

    // A short chunk cannot be decoded; look where it may legally or plausibly be: pending holes,
    // then forward (a discard), then backward (a duplicate). A 1-2 byte chunk can match by chance
    // and be placed wrongly, which is why OnReceived holds short chunks back and searches only
    // for those that no later chunk placed.
    private bool SearchNear(ReadOnlySpan<byte> bytes, out long position)
    {
        if (_holes is not null)
            foreach (var (start, end) in _holes)
                for (var p = start; p + bytes.Length <= Math.Min(end, start + ShortChunkSearchWindow); p++)
                    if (PayloadPattern.Matches(Key, p, bytes)) { position = p; return true; }
        var forwardLimit = Math.Min(StartedEnd - bytes.Length, Next + ShortChunkSearchWindow);
        for (var p = Next + 1; p <= forwardLimit; p++)
            if (PayloadPattern.Matches(Key, p, bytes)) { position = p; return true; }
        for (var p = Next - 1; p >= Math.Max(0, Next - ShortChunkSearchWindow); p--)
            if (PayloadPattern.Matches(Key, p, bytes)) { position = p; return true; }
        position = -1;
        return false;
    }

    private void ReportHolesAsLost(ViolationLog violations)
    {
        if (_holes is null) return;
        foreach (var (start, end) in _holes) ReportLost(start, end, violations);
        _holes.Clear();
    }

    private void ReportLost(long start, long end, ViolationLog violations) =>
        violations.Record(ViolationKind.DataLoss, Key.Session, $"{Key}: bytes [{start}, {end}) never arrived although later bytes did, and no discard covers them");
}
