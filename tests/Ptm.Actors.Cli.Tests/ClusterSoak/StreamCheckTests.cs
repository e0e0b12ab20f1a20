using Ptm.Actors.Cli.ClusterSoak;

namespace Ptm.Actors.Cli.Tests.ClusterSoak;

/// <summary>
/// The reader's check of `ptm soak --nodes` (CL9: never duplicated, reordered or holed). Each
/// wrong shape is the bug it must catch, planted in what the reader is given; the clean cases
/// guard against false alarms, whatever the chunking.
/// </summary>
public class StreamCheckTests
{
    private const long Stream = 7;

    private static byte[] Bytes(long from, int count)
    {
        var bytes = new byte[count];
        StreamPattern.Fill(Stream, from, bytes);
        return bytes;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void A_stream_read_in_order_is_clean_whatever_the_chunks(int chunk)
    {
        var check = new StreamCheck(Stream);
        for (long offset = 0; offset < 20_000; offset += chunk)
            Assert.Null(check.Accept(Bytes(offset, chunk)));

        Assert.False(check.Broken);
        Assert.Equal((20_000 + chunk - 1) / chunk * chunk, check.Received);
    }

    [Fact]
    public void A_hole_is_reported_with_where_the_stream_jumps()
    {
        var check = new StreamCheck(Stream);
        check.Accept(Bytes(0, 1000));

        var problem = check.Accept(Bytes(1300, 100));

        Assert.Equal("stream 7 byte 1,000: the stream jumps to byte 1,300, a hole of 300 bytes", problem);
    }

    [Fact]
    public void Bytes_read_again_are_reported_as_duplicated()
    {
        var check = new StreamCheck(Stream);
        check.Accept(Bytes(0, 1000));

        var problem = check.Accept(Bytes(900, 50));

        Assert.Equal("stream 7 byte 1,000: bytes 900.. read again, 100 bytes back (duplicated or reordered)", problem);
    }

    [Fact]
    public void Another_streams_bytes_are_reported_as_belonging_nowhere()
    {
        var check = new StreamCheck(Stream);
        check.Accept(Bytes(0, 100));
        var foreign = new byte[32];
        StreamPattern.Fill(Stream + 1, 100, foreign);

        var problem = check.Accept(foreign);

        Assert.Equal("stream 7 byte 100: bytes that belong nowhere in this stream (corrupted, or another stream's)", problem);
    }

    [Fact]
    public void A_single_dropped_byte_is_caught_in_the_middle_of_a_chunk()
    {
        var check = new StreamCheck(Stream);
        var chunk = Bytes(0, 64).Where((_, i) => i != 40).ToArray(); // byte 40 lost

        var problem = check.Accept(chunk);

        Assert.Equal("stream 7 byte 40: the stream jumps to byte 41, a hole of 1 byte", problem);
    }

    [Fact]
    public void Only_the_first_wrong_byte_is_reported_and_every_byte_is_still_counted()
    {
        var check = new StreamCheck(Stream);
        Assert.NotNull(check.Accept(Bytes(10, 20)));

        Assert.Null(check.Accept(Bytes(500, 30)));
        Assert.True(check.Broken);
        Assert.Equal(50, check.Received);
    }

    [Fact]
    public void The_two_directions_of_a_session_are_different_streams()
    {
        Assert.Equal(StreamPattern.Outgoing(5, manager: true), StreamPattern.Incoming(5, manager: false));
        Assert.Equal(StreamPattern.Outgoing(5, manager: false), StreamPattern.Incoming(5, manager: true));
        Assert.NotEqual(StreamPattern.Outgoing(5, manager: true), StreamPattern.Outgoing(5, manager: false));
        Assert.NotEqual(StreamPattern.Outgoing(5, manager: false), StreamPattern.Outgoing(6, manager: true));
    }
}
