using static Ptm.Actors.Tests.HostApi.Streams.StreamPair;

namespace Ptm.Actors.Tests.HostApi.Streams;

/// <summary>What kind of Stream AsStream gives: ownership of the handle, blocking handles only, no seeking, sync calls.</summary>
public class StreamShapeTests
{
    [Fact]
    public async Task Disposing_a_stream_leaves_its_handle_open_unless_the_stream_owns_it()
    {
        await using var pty = await OpenAsync();
        var borrowed = pty.Manager.AsStream();
        await borrowed.DisposeAsync();
        Assert.False(pty.Manager.IsClosed);
        Assert.False(borrowed.CanRead || borrowed.CanWrite);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => borrowed.ReadAsync(new byte[1]).AsTask());

        await pty.Subsidiary.AsStream(ownsHandle: true).DisposeAsync();
        Assert.True(pty.Subsidiary.IsClosed);
        Assert.Equal(0, await pty.Manager.AsStream().ReadAsync(new byte[1]).AsTask().WaitAsync(Safety)); // L13: the close was a real one

        var other = await pty.System.OpenManagerAsync();
        other.AsStream(ownsHandle: true).Dispose(); // the synchronous Dispose closes it too
        Assert.True(other.IsClosed);
    }

    [Fact]
    public async Task D19_a_non_blocking_handle_cannot_become_a_stream()
    {
        await using var system = PtySystem.Create();
        await using var manager = await system.OpenManagerAsync(OpenFlags.NonBlock | OpenFlags.NoCtty);
        Assert.Throws<InvalidOperationException>(() => manager.AsStream());
        Assert.Throws<InvalidOperationException>(() => manager.AsDuplexPipe());
    }

    [Fact]
    public async Task The_stream_cannot_seek_and_its_flush_returns_at_once()
    {
        await using var pty = await OpenAsync();
        var stream = pty.Manager.AsStream();
        Assert.True(stream.CanRead && stream.CanWrite);
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Position);
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(0));
        await pty.Manager.WriteAsync("kept"u8.ToArray());
        stream.Flush();
        await stream.FlushAsync();
        var buffer = new byte[8];
        Assert.Equal(4, await pty.Subsidiary.ReadAsync(buffer).WaitAsync(Safety)); // a flush is not I_FLUSH: nothing was discarded
    }

    [Fact]
    public async Task The_synchronous_read_and_write_block_on_the_async_calls()
    {
        await using var pty = await OpenAsync();
        var result = await Task.Run(() =>
        {
            using var manager = pty.Manager.AsStream();
            using var subsidiary = pty.Subsidiary.AsStream();
            manager.Write("sync"u8);
            var buffer = new byte[8];
            var count = subsidiary.Read(buffer, 0, buffer.Length);
            subsidiary.WriteByte((byte)'!');
            return (count, text: buffer[..count], back: manager.ReadByte());
        }).WaitAsync(Safety);
        Assert.Equal("sync"u8.ToArray(), result.text);
        Assert.Equal('!', result.back);
    }
}
