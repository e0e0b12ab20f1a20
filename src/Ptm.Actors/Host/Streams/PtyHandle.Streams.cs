using System.IO.Pipelines;

namespace Ptm.Actors;

// The .NET views of a handle: a Stream, and a duplex pipe made of System.IO.Pipelines' own
// stream adapters (they do the buffering; nothing here pumps).
public abstract partial class PtyHandle
{
    /// <summary>
    /// A <see cref="Stream"/> over this handle, for <see cref="StreamReader"/>, <see cref="StreamWriter"/>,
    /// <see cref="Stream.CopyToAsync(Stream)"/> and the rest of .NET's stream code.
    /// <list type="bullet">
    /// <item>Reads are read(2): each returns what is queued, waiting while nothing is. They return 0 at
    /// end of file (the manager, once the subsidiary has closed, L13), after a hang-up (the
    /// subsidiary, once the manager has closed, L15), and where the handle fails EIO (a side whose
    /// actor failed, PD13; Linux's manager). End of stream is then sticky: later reads return 0 at
    /// once, without read(2), even if a new subsidiary opens (L11); read the handle for that.
    /// A read into an empty buffer returns 0 at once and consumes nothing.</item>
    /// <item>Writes are write(2) until every byte is down: a short count (a write cut off part way)
    /// is followed by the next write(2) of the rest. A write after a hang-up throws
    /// <see cref="PtyException"/> (an <see cref="IOException"/>) with <see cref="Errno.EIO"/>. On the
    /// manager, once the subsidiary has closed, the first write may still succeed (its data goes
    /// nowhere) and later ones throw it with <see cref="Errno.EINVAL"/> (D9, PD4): the read side's end
    /// of stream is the signal to stop. An empty write sends nothing.</item>
    /// <item>A cancelled read or write throws <see cref="OperationCanceledException"/>. A cancelled read
    /// has read nothing; a cancelled write may have sent part of its data, in order, and the rest not.</item>
    /// <item><see cref="Stream.Flush"/> and <see cref="Stream.FlushAsync(CancellationToken)"/> return at
    /// once: the stream buffers nothing, each write has reached the stream head when it returns.
    /// They do not wait for the other side to read, and they are not I_FLUSH, which discards
    /// queued data: that is <see cref="DiscardAsync"/>.</item>
    /// <item>The synchronous Read and Write block the calling thread on the async calls: do not use
    /// them on a single-threaded <see cref="SynchronizationContext"/> (a UI thread) that the call
    /// needs to finish, nor on a deterministic (seeded) dispatcher, whose calls finish only when the
    /// caller runs the system.</item>
    /// <item>Not seekable: <see cref="Stream.Length"/>, <see cref="Stream.Position"/> and
    /// <see cref="Stream.Seek"/> throw <see cref="NotSupportedException"/>.</item>
    /// <item>One read and one write may run at the same time, as on a socket.</item>
    /// </list>
    /// </summary>
    /// <param name="ownsHandle">
    /// True: disposing the stream closes this handle (asynchronously with DisposeAsync; Dispose
    /// blocks on the close, which may wait up to 15 s for queued output to drain, H3). False, the
    /// default, as for <see cref="System.Net.Sockets.NetworkStream"/>: the handle stays open. A close
    /// hangs up or ends the other side (L12, L14), so it stays a decision of its own, and
    /// disposing a <see cref="StreamReader"/> or <see cref="StreamWriter"/>, which close their
    /// stream, does not hang up the pty.
    /// </param>
    /// <exception cref="InvalidOperationException">
    /// The handle was opened with <see cref="OpenFlags.NonBlock"/> or <see cref="OpenFlags.NDelay"/>.
    /// A non-blocking handle answers EAGAIN instead of waiting (D19) and has no call that waits for
    /// readiness, so the stream needs a blocking one.
    /// </exception>
    public Stream AsStream(bool ownsHandle = false) => new PtyStream(this, ownsHandle);

    /// <summary>
    /// An <see cref="IDuplexPipe"/> over this handle: <see cref="IDuplexPipe.Input"/> is
    /// <see cref="PipeReader.Create(Stream, StreamPipeReaderOptions?)"/> and <see cref="IDuplexPipe.Output"/>
    /// <see cref="PipeWriter.Create(Stream, StreamPipeWriterOptions?)"/>, each over a stream as
    /// <see cref="AsStream"/> gives, with its semantics. The reader's result is
    /// <see cref="ReadResult.IsCompleted"/> at end of file and after a hang-up; the writer's
    /// <see cref="PipeWriter.FlushAsync"/> (where the buffered bytes are written) throws
    /// <see cref="PtyException"/> with <see cref="Errno.EIO"/> after a hang-up.
    /// Completing the reader or the writer never closes the handle, whatever
    /// <c>LeaveOpen</c> says: close the handle yourself.
    /// </summary>
    /// <param name="readerOptions">The reader's buffer size, pool and minimum read size (null: the defaults).</param>
    /// <param name="writerOptions">The writer's pool and minimum buffer size (null: the defaults).</param>
    /// <exception cref="InvalidOperationException">The handle is non-blocking (see <see cref="AsStream"/>).</exception>
    public IDuplexPipe AsDuplexPipe(StreamPipeReaderOptions? readerOptions = null, StreamPipeWriterOptions? writerOptions = null)
    {
        // Two streams, not one: a half completed without LeaveOpen disposes its stream, and the
        // other half must go on. Neither owns the handle.
        var input = PipeReader.Create(new PtyStream(this, ownsHandle: false), readerOptions);
        var output = PipeWriter.Create(new PtyStream(this, ownsHandle: false), writerOptions);
        return new PtyDuplexPipe(input, output);
    }

    private sealed class PtyDuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
