using Ptm.Actors.Tests.Support;
using static Ptm.Actors.Tests.HostApi.Streams.StreamPair;

namespace Ptm.Actors.Tests.HostApi.Streams;

/// <summary>
/// A blocking write(2) returns a short count when it is cut off part way (a cancel, a hang-up).
/// The stream then writes the rest, so the cut shows as the next call's error, never as a
/// silently shortened write; what was sent arrives whole and in order.
/// </summary>
public class StreamShortWriteTests
{
    [Fact]
    public async Task L15_a_write_cut_short_by_a_hang_up_throws_EIO_after_its_first_part_arrived_in_order()
    {
        var data = Bytes.Pattern(100_000, seed: 3);

        // The handle's own write, cut by the hang-up, returns the short count the stream has to carry on from.
        await using (var bare = await OpenAsync())
        {
            var write = bare.Subsidiary.WriteAsync(data);
            await bare.System.WhenIdleAsync(); // held: the manager reads nothing
            await bare.Manager.CloseAsync(); // L14: the hang-up ends the held write (L15)
            Assert.InRange(await write.WaitAsync(Safety), 1, data.Length - 1);
        }

        await using var pty = await OpenAsync();
        var streamWrite = pty.Subsidiary.AsStream().WriteAsync(data).AsTask();
        var first = new byte[1000];
        await pty.Manager.AsStream().ReadExactlyAsync(first).AsTask().WaitAsync(Safety);
        Assert.True(Bytes.IsPrefix(first, data), "the first part arrives in order");
        await pty.System.WhenIdleAsync();
        Assert.False(streamWrite.IsCompleted); // held again: far more is left than the path holds
        await pty.Manager.CloseAsync();
        var failure = await Assert.ThrowsAsync<PtyException>(() => streamWrite.WaitAsync(Safety));
        Assert.Equal(Errno.EIO, failure.Errno);
    }

    [Fact]
    public async Task D14_a_cancelled_stream_write_throws_operation_canceled_after_a_first_part_in_order_and_the_stream_goes_on()
    {
        await using var pty = await OpenAsync();
        var data = Bytes.Pattern(100_000, seed: 5);
        var stream = pty.Manager.AsStream();
        using var cancel = new CancellationTokenSource();
        var write = stream.WriteAsync(data, cancel.Token).AsTask();
        await pty.System.WhenIdleAsync(); // held: nobody reads the subsidiary
        Assert.False(write.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.WaitAsync(Safety));
        var arrived = await pty.ReadQueuedAsync(pty.Subsidiary);
        Assert.InRange(arrived.Length, 1, data.Length - 1);
        Assert.True(Bytes.IsPrefix(arrived, data), "what was sent before the cancel arrives in order, the rest not at all");

        await stream.WriteAsync("after"u8.ToArray()).AsTask().WaitAsync(Safety);
        Assert.Equal("after"u8.ToArray(), await pty.ReadQueuedAsync(pty.Subsidiary));
    }
}
