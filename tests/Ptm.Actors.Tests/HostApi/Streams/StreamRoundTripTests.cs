using Ptm.Actors.Tests.Support;
using static Ptm.Actors.Tests.HostApi.Streams.StreamPair;

namespace Ptm.Actors.Tests.HostApi.Streams;

/// <summary>AsStream() with .NET's own stream code: StreamReader/StreamWriter lines, big writes, CopyToAsync.</summary>
public class StreamRoundTripTests
{
    [Fact]
    public async Task Lines_written_on_the_manager_are_read_and_echoed_by_a_program_on_the_subsidiary()
    {
        await using var pty = await OpenAsync();
        var program = EchoLinesAsync(pty.Subsidiary.AsStream());
        using var toProgram = new StreamWriter(pty.Manager.AsStream()) { AutoFlush = true, NewLine = "\n" };
        using var fromProgram = new StreamReader(pty.Manager.AsStream());
        for (var i = 0; i < 50; i++)
        {
            var line = $"line {i}: {new string('x', i * 7)}";
            await toProgram.WriteLineAsync(line);
            Assert.Equal("echo " + line, await fromProgram.ReadLineAsync().WaitAsync(Safety));
        }
        await pty.Manager.CloseAsync(); // the hang-up ends the program's input (L15)
        Assert.Equal(50, await program.WaitAsync(Safety));
        Assert.False(pty.Subsidiary.IsClosed); // the program's reader and writer closed their stream, not the handle
    }

    /// <summary>A line-echo program: reads lines until end of stream, returns how many it echoed.</summary>
    private static async Task<int> EchoLinesAsync(Stream terminal)
    {
        using var reader = new StreamReader(terminal);
        await using var writer = new StreamWriter(terminal) { AutoFlush = true, NewLine = "\n" };
        var echoed = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            await writer.WriteLineAsync("echo " + line);
            echoed++;
        }
        return echoed;
    }

    [Fact]
    public async Task D14_a_write_far_larger_than_the_flow_control_window_arrives_whole_and_in_order_to_a_slow_reader()
    {
        await using var pty = await OpenAsync();
        var data = Bytes.Pattern(1 << 20, seed: 15);
        var write = pty.Manager.AsStream().WriteAsync(data).AsTask();
        var received = new byte[data.Length];
        var subsidiary = pty.Subsidiary.AsStream();
        for (var at = 0; at < received.Length;)
        {
            at += await subsidiary.ReadAsync(received.AsMemory(at, Math.Min(333, received.Length - at))).AsTask().WaitAsync(Safety); // small reads: the writer waits on flow control again and again
        }
        await write.WaitAsync(Safety);
        Assert.True(data.AsSpan().SequenceEqual(received));
    }

    [Fact]
    public async Task CopyToAsync_carries_one_ptys_output_into_another_until_end_of_file()
    {
        await using var source = await OpenAsync();
        await using var target = await OpenAsync(source.System);
        var data = Bytes.Pattern(50_000, seed: 7);
        var producer = Task.Run(async () =>
        {
            await source.Subsidiary.AsStream().WriteAsync(data);
            await source.Subsidiary.CloseAsync(); // L12: its output, then end of file on the manager
        });
        var copy = source.Manager.AsStream().CopyToAsync(target.Manager.AsStream());
        var received = new byte[data.Length];
        await target.Subsidiary.AsStream().ReadExactlyAsync(received).AsTask().WaitAsync(Safety);
        await copy.WaitAsync(Safety); // ended by the source's end of file (L13)
        await producer.WaitAsync(Safety);
        Assert.True(data.AsSpan().SequenceEqual(received));
    }
}
