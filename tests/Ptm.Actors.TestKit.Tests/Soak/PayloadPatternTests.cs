using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Workload;


namespace Ptm.Actors.TestKit.Tests.Soak;

public class PayloadPatternTests
{
    private static readonly StreamKey Stream = new(7, Direction.SubsidiaryToManager, 3);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 15)]
    [InlineData(5, 512)]
    [InlineData(4093, 2048)]
    public void Filled_bytes_match_where_they_were_filled_and_nowhere_near(long offset, int length)
    {
        var bytes = TraceBuilder.Bytes(Stream, offset, length);
        Assert.True(PayloadPattern.Matches(Stream, offset, bytes));
        if (length >= 4)
        {
            Assert.False(PayloadPattern.Matches(Stream, offset + 1, bytes));
            Assert.False(PayloadPattern.Matches(Stream with { Epoch = 4 }, offset, bytes));
        }
    }

    [Fact]
    public void Pieces_filled_separately_equal_the_whole()
    {
        var whole = TraceBuilder.Bytes(Stream, 0, 100);
        var pieces = new byte[100];
        PayloadPattern.Fill(Stream, 0, pieces.AsSpan(0, 13));
        PayloadPattern.Fill(Stream, 13, pieces.AsSpan(13, 87));
        Assert.Equal(whole, pieces);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_000_003)]
    public void A_chunk_of_decodable_length_names_its_stream_and_offset(long offset)
    {
        var chunk = TraceBuilder.Bytes(Stream, offset, PayloadPattern.DecodableLength);
        var found = PayloadPattern.TryDecode(chunk, tag => tag == PayloadPattern.Tag(Stream) ? Stream : null, out var source, out var decoded);
        Assert.True(found);
        Assert.Equal(Stream, source);
        Assert.Equal(offset, decoded);
    }

    [Fact]
    public void Random_bytes_decode_to_nothing()
    {
        var noise = new byte[64];
        new Random(42).NextBytes(noise);
        Assert.False(PayloadPattern.TryDecode(noise, tag => tag == PayloadPattern.Tag(Stream) ? Stream : null, out _, out _));
    }

    [Fact]
    public void Directions_epochs_and_sessions_have_distinct_tags()
    {
        var tags = new HashSet<uint>();
        for (var session = 0; session < 50; session++)
            for (var epoch = 1; epoch <= 20; epoch++)
                foreach (var direction in new[] { Direction.ManagerToSubsidiary, Direction.SubsidiaryToManager })
                    tags.Add(PayloadPattern.Tag(new StreamKey(session, direction, epoch)));
        Assert.Equal(50 * 20 * 2, tags.Count);
    }
}
