using Ptm.Actors.TestKit.Faults;
using static Ptm.Actors.Tests.HostApi.Streams.StreamPair;

namespace Ptm.Actors.Tests.HostApi.Streams;

/// <summary>How a stream ends: end of file, hang-up and EIO read as 0; writes after a hang-up throw IOException.</summary>
public class StreamEndTests
{
    [Fact]
    public async Task L13_the_manager_stream_reads_the_subsidiarys_last_output_then_0_and_stays_at_its_end()
    {
        await using var pty = await OpenAsync();
        await pty.Subsidiary.WriteAsync("bye"u8.ToArray());
        await pty.Subsidiary.CloseAsync(); // L12: its output, then the zero-length end of file
        var stream = pty.Manager.AsStream();
        Assert.Equal("bye"u8.ToArray(), await ReadToEndAsync(stream));
        // The handle's next read would wait for a new subsidiary (L13); the stream's end is sticky instead.
        Assert.Equal(0, await stream.ReadAsync(new byte[8]).AsTask().WaitAsync(Safety));
    }

    [Fact]
    public async Task L15_the_subsidiary_stream_reads_what_is_left_then_0_after_the_manager_closes()
    {
        await using var pty = await OpenAsync();
        await pty.Manager.WriteAsync("last"u8.ToArray());
        await pty.Manager.CloseAsync(); // waits until "last" has reached the subsidiary (H3), then hangs it up (L14)
        Assert.Equal("last"u8.ToArray(), await ReadToEndAsync(pty.Subsidiary.AsStream()));
    }

    [Fact]
    public async Task L15_a_stream_write_after_the_hang_up_throws_an_IOException_carrying_EIO()
    {
        await using var pty = await OpenAsync();
        await pty.Manager.CloseAsync();
        var failure = await Assert.ThrowsAsync<PtyException>(() => pty.Subsidiary.AsStream().WriteAsync("x"u8.ToArray()).AsTask());
        Assert.IsAssignableFrom<IOException>(failure);
        Assert.Equal(Errno.EIO, failure.Errno);
    }

    [Fact]
    public async Task D9_manager_stream_writes_after_the_subsidiary_closed_fail_EINVAL()
    {
        await using var pty = await OpenAsync();
        await pty.Subsidiary.CloseAsync();
        var stream = pty.Manager.AsStream();
        await stream.WriteAsync("lost"u8.ToArray()); // the write that meets the missing subsidiary may report success (PD4)
        var failure = await Assert.ThrowsAsync<PtyException>(() => stream.WriteAsync("x"u8.ToArray()).AsTask());
        Assert.Equal(Errno.EINVAL, failure.Errno);
    }

    [Fact]
    public async Task PD13_a_read_that_fails_EIO_ends_the_stream()
    {
        await using var pty = await OpenAsync();
        await pty.Manager.CrashAsync(); // the manager's own actor fails: its calls fail EIO
        Assert.Equal(Errno.EIO, (await Assert.ThrowsAsync<PtyException>(() => pty.Manager.ReadAsync(new byte[4]).WaitAsync(Safety))).Errno);
        Assert.Equal(0, await pty.Manager.AsStream().ReadAsync(new byte[4]).AsTask().WaitAsync(Safety));
    }

    [Fact]
    public async Task H4_an_empty_read_returns_0_without_consuming_the_end_of_file()
    {
        await using var pty = await OpenAsync();
        await pty.Subsidiary.CloseAsync();
        Assert.Equal(0, await pty.Manager.AsStream().ReadAsync(Memory<byte>.Empty).AsTask().WaitAsync(Safety));
        // A zero-length read(2) would have taken the end of file, and this read would wait for a new subsidiary.
        Assert.Equal(0, await pty.Manager.ReadAsync(new byte[4]).WaitAsync(Safety));
    }

    [Fact]
    public async Task PD8_an_empty_write_sends_nothing_the_other_side_could_read_as_end_of_file()
    {
        await using var pty = await OpenAsync();
        await pty.Manager.AsStream().WriteAsync(ReadOnlyMemory<byte>.Empty);
        await pty.Manager.WriteAsync("x"u8.ToArray());
        var buffer = new byte[4];
        Assert.Equal(1, await pty.Subsidiary.ReadAsync(buffer).WaitAsync(Safety)); // the first thing queued is "x", not a zero-length message
    }
}
