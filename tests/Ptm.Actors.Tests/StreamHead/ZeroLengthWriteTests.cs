using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// A zero-length write (PD8) sends its zero-length message under flow control like any other
/// (H8): a blocking one waits for room, then the peer reads it after the data ahead of it.
/// </summary>
public class ZeroLengthWriteTests
{
    [Fact]
    public void PD8_a_zero_length_write_waits_for_room_and_arrives_after_the_data_ahead_of_it()
    {
        using var pty = new DeterministicPty();
        var (m, s) = pty.OpenPair(OpenFlags.NonBlock, OpenFlags.NonBlock);
        var blocking = pty.OpenSubsidiary(pty.PathOf(m)); // the same stream, without O_NONBLOCK (L9)
        var filled = pty.Fill(s, 'y');
        var empty = pty.Posix.WriteAsync(blocking, ReadOnlyMemory<byte>.Empty);
        pty.Settle();
        Assert.False(empty.IsCompleted, pty.At("the zero-length write went past flow control"));
        var read = 0;
        while (!empty.IsCompleted) read += pty.Drain(m).Length;
        Assert.Equal(0, pty.Done(empty, "the zero-length write").Value);
        read += pty.Drain(m).Length; // up to the zero-length message: a read of 0
        Assert.Equal(filled, read);
        pty.CloseAllAndCheckClean(m, s, blocking);
    }
}
