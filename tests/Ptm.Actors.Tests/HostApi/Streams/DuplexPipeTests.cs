using System.Buffers;
using System.IO.Pipelines;
using static Ptm.Actors.Tests.HostApi.Streams.StreamPair;

namespace Ptm.Actors.Tests.HostApi.Streams;

/// <summary>AsDuplexPipe: System.IO.Pipelines over the handle; the reader completes at the end, the writer fails after a hang-up.</summary>
public class DuplexPipeTests
{
    [Fact]
    public async Task L13_a_round_trip_through_both_pipes_and_the_managers_reader_completes_at_end_of_file()
    {
        await using var pty = await OpenAsync();
        var manager = pty.Manager.AsDuplexPipe();
        var subsidiary = pty.Subsidiary.AsDuplexPipe();

        await manager.Output.WriteAsync("ping"u8.ToArray());
        Assert.Equal("ping"u8.ToArray(), await ReadAtLeastAsync(subsidiary.Input, 4));
        await subsidiary.Output.WriteAsync("pong"u8.ToArray());
        await pty.Subsidiary.CloseAsync(); // L12: "pong", then end of file

        Assert.Equal("pong"u8.ToArray(), await ReadUntilCompletedAsync(manager.Input));
        await manager.Input.CompleteAsync();
        await manager.Output.CompleteAsync();
        Assert.False(pty.Manager.IsClosed); // completing the pipe leaves the handle open
    }

    [Fact]
    public async Task L15_after_a_hang_up_the_subsidiarys_reader_completes_and_its_writer_throws_EIO()
    {
        await using var pty = await OpenAsync();
        var subsidiary = pty.Subsidiary.AsDuplexPipe();
        await pty.Manager.WriteAsync("bye"u8.ToArray());
        await pty.Manager.CloseAsync();

        Assert.Equal("bye"u8.ToArray(), await ReadUntilCompletedAsync(subsidiary.Input));
        var failure = await Assert.ThrowsAsync<PtyException>(() => subsidiary.Output.WriteAsync("x"u8.ToArray()).AsTask().WaitAsync(Safety));
        Assert.Equal(Errno.EIO, failure.Errno);
    }

    [Fact]
    public async Task Cancelling_a_pipe_read_throws_operation_canceled_and_a_later_read_gets_the_data()
    {
        await using var pty = await OpenAsync();
        var subsidiary = pty.Subsidiary.AsDuplexPipe();
        using var cancel = new CancellationTokenSource();
        var read = subsidiary.Input.ReadAsync(cancel.Token).AsTask();
        await pty.System.WhenIdleAsync();
        Assert.False(read.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Safety));
        await pty.Manager.WriteAsync("later"u8.ToArray());
        Assert.Equal("later"u8.ToArray(), await ReadAtLeastAsync(subsidiary.Input, 5));
    }

    private static async Task<byte[]> ReadAtLeastAsync(PipeReader reader, int count)
    {
        var result = await reader.ReadAtLeastAsync(count).AsTask().WaitAsync(Safety);
        var bytes = result.Buffer.ToArray();
        reader.AdvanceTo(result.Buffer.End);
        return bytes;
    }

    /// <summary>ReadAsync until the result says the pipe is complete: everything it carried.</summary>
    private static async Task<byte[]> ReadUntilCompletedAsync(PipeReader reader)
    {
        var all = new List<byte>();
        while (true)
        {
            var result = await reader.ReadAsync().AsTask().WaitAsync(Safety);
            all.AddRange(result.Buffer.ToArray());
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted) return [.. all];
        }
    }
}
