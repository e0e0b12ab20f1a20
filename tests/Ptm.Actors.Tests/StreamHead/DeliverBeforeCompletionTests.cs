using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// A write's messages leave before the write returns (IStreamBelow.Deliver): with inline
/// completions a caller resumes inside the side's turn, and a read it then starts on the other
/// side must find the data it has just written ahead of it, not arrive first and miss it.
/// </summary>
public class DeliverBeforeCompletionTests
{
    [Fact]
    public void A_write_is_readable_on_the_other_side_the_moment_it_returns()
    {
        var (result, text) = ReadAfter(pty => pty.Posix.WriteAsync(pty.Subsidiary, Bytes.Of("hi")));
        Assert.Equal(2, result.Value);
        Assert.Equal("hi", text);
    }

    [Fact]
    public void PD8_a_zero_length_write_is_the_end_of_file_the_other_side_reads_the_moment_it_returns()
    {
        var (result, text) = ReadAfter(pty => pty.Posix.WriteAsync(pty.Subsidiary, ReadOnlyMemory<byte>.Empty));
        Assert.Equal(0, result.Value);
        Assert.Equal("", text); // read 0, not EAGAIN
    }

    [Fact]
    public void H7_a_putmsg_of_data_alone_is_readable_on_the_other_side_the_moment_it_returns()
    {
        var (result, text) = ReadAfter(pty => pty.Posix.PutMessageAsync(pty.Subsidiary, null, Bytes.Of("hi")));
        Assert.Equal(0, result.Value);
        Assert.Equal("hi", text); // data alone is an M_DATA: a plain read takes it
    }

    /// <summary>Starts <paramref name="call"/> on the subsidiary; its continuation, run inside the side's turn, reads the non-blocking manager.</summary>
    private static (SysResult Result, string? Text) ReadAfter(Func<(PosixApi Posix, int Subsidiary), Task<SysResult>> call)
    {
        using var pty = new DeterministicPty(options: new PtySystemOptions { InlineCompletions = true });
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock);
        var buffer = new byte[16];
        Task<SysResult>? read = null;
        var done = call((pty.Posix, s));
        done.ContinueWith(_ => read = pty.Posix.ReadAsync(m, buffer), TaskContinuationOptions.ExecuteSynchronously);
        var result = pty.Settle(done, "the call");
        Assert.True(result.IsOk, pty.At($"the call failed {result.Errno}"));
        Assert.NotNull(read);
        var got = pty.Done(read, "the read");
        Assert.True(got.IsOk, pty.At($"the read found nothing: {got.Errno}"));
        var text = Bytes.Text(buffer.AsSpan(0, (int)got.Value));
        pty.CloseAllAndCheckClean(m, s);
        return (result, text);
    }
}
