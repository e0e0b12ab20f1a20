using static Ptm.Actors.Tests.HostApi.Streams.StreamPair;

namespace Ptm.Actors.Tests.HostApi.Streams;

/// <summary>Cancellation on the stream is .NET-shaped: OperationCanceledException, and the stream is unharmed.</summary>
public class StreamCancellationTests
{
    [Fact]
    public async Task D19_a_cancelled_stream_read_throws_operation_canceled_and_the_next_read_gets_the_next_data()
    {
        await using var pty = await OpenAsync();
        var stream = pty.Subsidiary.AsStream();
        using var cancel = new CancellationTokenSource();
        var read = stream.ReadAsync(new byte[8], cancel.Token).AsTask();
        await pty.System.WhenIdleAsync();
        Assert.False(read.IsCompleted);
        cancel.Cancel();
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Safety));
        Assert.Equal(cancel.Token, cancelled.CancellationToken);
        await pty.Manager.WriteAsync("after"u8.ToArray());
        var buffer = new byte[8];
        Assert.Equal(5, await stream.ReadAsync(buffer).AsTask().WaitAsync(Safety));
    }

    [Fact]
    public async Task Stream_calls_with_a_token_already_cancelled_throw_operation_canceled()
    {
        await using var pty = await OpenAsync();
        var stream = pty.Manager.AsStream();
        var cancelled = new CancellationToken(canceled: true);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[8], cancelled).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[8], 0, 8, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.WriteAsync(new byte[8], cancelled).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.WriteAsync(new byte[8], 0, 8, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.FlushAsync(cancelled));
        await pty.System.WhenIdleAsync();
        Assert.Equal(PollEvents.POLLOUT, await pty.Subsidiary.PollAsync()); // nothing was written
    }
}
