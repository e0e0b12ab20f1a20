using static Ptm.Actors.TestKit.Tests.Soak.TraceBuilder;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Tests.Soak;

/// <summary>
/// PD14 with chunks too short to decode (under 15 bytes): after a flush the reader resumes past a
/// discarded gap, and a short chunk there must be placed by the chunk that follows it, not by the
/// first offset in the gap where its bytes happen to match (issue 18: one-byte data_loss false alarms).
/// </summary>
public class ShortChunkPlacementTests
{
    private static readonly StreamKey Stream = M2S(1, 1);

    private static TraceBuilder Started() => new TraceBuilder().Minors(0).Session(1).Minors(1).Open(1, 1);

    private static TraceBuilder Finished(TraceBuilder trace) =>
        trace.CloseSubsidiaryAndReadEof(1, 1).CloseManager(1).TearDown(1).Minors(0);

    /// <summary>Writes 1000 bytes, reads 0-100, flushes (bytes 100-1000 may be gone), writes more.</summary>
    private static TraceBuilder FlushedAfterHundredBytes(int writtenAfterFlush, StreamKey? stream = null)
    {
        var key = stream ?? Stream;
        return Started().Write(key, 1000).Read(key, 0, 100)
            .Add(new DiscardWindowOpened(key, DiscardReason.Flush))
            .Add(new DiscardWindowClosed(key, DiscardReason.Flush))
            .Write(key, writtenAfterFlush);
    }

    /// <summary>Reads [start, end) in chunks of 1, 2, ... 9, 1, 2, ... bytes.</summary>
    private static TraceBuilder ReadInShortChunks(TraceBuilder trace, long start, long end, StreamKey? stream = null)
    {
        var length = 1;
        for (var offset = start; offset < end; offset += length, length = length % 9 + 1)
            trace.Read(stream ?? Stream, offset, (int)Math.Min(length, end - offset));
        return trace;
    }

    [Fact]
    public void A_lone_byte_read_after_a_flush_is_placed_just_before_the_chunk_that_follows_it()
    {
        var trace = FlushedAfterHundredBytes(100).Read(Stream, 1000, 1).Read(Stream, 1001, 99);
        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void A_run_of_one_to_nine_byte_reads_after_a_flush_is_clean()
    {
        var trace = ReadInShortChunks(FlushedAfterHundredBytes(200), 1000, 1200);
        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void A_run_of_one_to_nine_byte_reads_after_a_flush_then_a_long_read_is_clean()
    {
        var trace = ReadInShortChunks(FlushedAfterHundredBytes(300), 1000, 1045).Read(Stream, 1045, 255);
        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void A_trailing_run_of_one_byte_reads_after_a_flush_with_nothing_after_it_is_clean_at_the_end_of_file()
    {
        // Nothing decodable follows: the run is placed where it ends the stream, not byte by byte at chance matches in the flushed gap.
        var trace = FlushedAfterHundredBytes(10);
        for (var offset = 1000; offset < 1010; offset++) trace.Read(Stream, offset, 1);
        Check.Clean(Check.Run(Finished(trace)));
    }

    [Fact]
    public void A_trailing_run_of_short_reads_missing_its_last_byte_at_the_end_of_file_is_still_data_loss()
    {
        var trace = FlushedAfterHundredBytes(20, S2M(1, 1));
        for (var offset = 1000; offset < 1019; offset += 3) trace.Read(S2M(1, 1), offset, Math.Min(3, 1019 - offset));
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("1020)", first.Detail);
    }

    [Fact]
    public void A_byte_lost_between_a_held_short_chunk_and_the_next_long_one_is_still_data_loss()
    {
        var trace = Started().Write(Stream, 300).Read(Stream, 0, 100).Read(Stream, 101, 1).Read(Stream, 102, 198);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("[100, 101)", first.Detail);
    }

    [Fact]
    public void A_byte_lost_inside_a_run_of_short_reads_after_a_flush_is_still_data_loss()
    {
        var trace = ReadInShortChunks(FlushedAfterHundredBytes(200), 1000, 1100);
        ReadInShortChunks(trace, 1101, 1200);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("1101)", first.Detail);
    }

    [Fact]
    public void The_last_byte_missing_at_the_managers_end_of_file_after_a_run_of_short_reads_is_still_data_loss()
    {
        // s->m: the subsidiary's orderly close delivers all it accepted before the EOF (L12), so no tail is excused.
        var trace = ReadInShortChunks(FlushedAfterHundredBytes(200, S2M(1, 1)), 1000, 1199, S2M(1, 1));
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("[1199, 1200)", first.Detail);
    }

    [Fact]
    public void A_short_chunk_read_again_just_before_the_next_long_chunk_is_still_data_duplicated()
    {
        var trace = Started().Write(Stream, 300).Read(Stream, 0, 100).Read(Stream, 95, 5).Read(Stream, 100, 200);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataDuplicated);
        Assert.Contains("[95, 100)", first.Detail);
    }

    [Fact]
    public void A_short_chunk_read_again_far_back_is_still_data_duplicated()
    {
        var trace = Started().Write(Stream, 300).Read(Stream, 0, 100).Read(Stream, 50, 5).Read(Stream, 100, 200);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataDuplicated);
        Assert.Contains("[50, 55)", first.Detail);
    }

    [Fact]
    public void A_byte_that_arrives_after_the_bytes_behind_it_is_still_data_reordered()
    {
        var trace = Started().Write(Stream, 300).Read(Stream, 0, 100).Read(Stream, 101, 199).Read(Stream, 100, 1);
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataReordered);
        Assert.Contains("[100, 101)", first.Detail);
    }

    [Fact]
    public void A_gap_before_a_held_byte_is_still_data_loss_when_a_flush_starts_before_the_next_long_chunk()
    {
        // Byte 150 arrived before the flush began, so the flush cannot excuse [100, 150).
        var trace = Started().Write(Stream, 300).Read(Stream, 0, 100).Read(Stream, 150, 1)
            .Add(new DiscardWindowOpened(Stream, DiscardReason.Flush))
            .Read(Stream, 151, 149)
            .Add(new DiscardWindowClosed(Stream, DiscardReason.Flush));
        var first = Check.Only(Check.Run(Finished(trace)), ViolationKind.DataLoss);
        Assert.Contains("[100, 1", first.Detail);
    }

    [Fact]
    public void Short_chunks_that_nothing_places_are_held_only_up_to_the_bound_and_their_gaps_still_reported()
    {
        var log = new ViolationLog(Serilog.Core.Logger.None);
        var ledger = new StreamLedger(Stream);
        ledger.OnWriteStarted(0, 1000, log);
        ledger.OnAccepted(0, 1000, log);
        ledger.OnReceived(Bytes(Stream, 0, 100), _ => null, log);
        var mostHeld = 0;
        for (var offset = 101; offset < 1000; offset += 2) // every other byte: no run ever decodes
        {
            ledger.OnReceived(Bytes(Stream, offset, 1), _ => null, log);
            mostHeld = Math.Max(mostHeld, ledger.HeldShortChunks);
        }
        Assert.Equal(StreamLedger.MaxHeldShortChunks, mostHeld);
        ledger.Drain(log);
        Assert.Equal(0, ledger.HeldShortChunks);
        Assert.True(log.Count(ViolationKind.DataLoss) > 0, "the skipped bytes are data_loss");
    }
}
