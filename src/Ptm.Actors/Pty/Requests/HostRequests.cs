using Akka.Actor;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Pty;

/// <summary>read(2): byte-stream into the caller's buffer (D21).</summary>
internal sealed class ReadRequest(Credentials who, OpenFile file, Memory<byte> buffer) : PtyRequest(who, file)
{
    public Memory<byte> Buffer { get; } = buffer;
}

/// <summary>write(2): split into packets (D18), held by flow control when blocking (D14).</summary>
internal sealed class WriteRequest(Credentials who, OpenFile file, ReadOnlyMemory<byte> data) : PtyRequest(who, file)
{
    public ReadOnlyMemory<byte> Data { get; } = data;

    /// <summary>
    /// The stream's own copy of <see cref="Data"/>, made once when the first packet is accepted:
    /// every packet is a slice of it, so a write costs one copy however many packets it makes (D18).
    /// </summary>
    internal ReadOnlyMemory<byte> Copy { get; set; }

    /// <summary>Bytes accepted into the stream so far.</summary>
    public int Accepted { get; set; }

    /// <summary>A zero-length write has sent its zero-length message (PD8).</summary>
    public bool ZeroLengthSent { get; set; }

    public bool IsFinished => Accepted == Data.Length && (Data.Length > 0 || ZeroLengthSent);

    /// <summary>A cancelled write that had moved some bytes returns that count, as an interrupted write(2) does.</summary>
    protected override void OnCancelled()
    {
        var accepted = Accepted;
        if (accepted > 0) Complete(accepted);
        else Fail(Errno.EINTR);
    }
}

/// <summary>poll(2) for POLLIN|POLLOUT, answered with the readiness now.</summary>
internal sealed class PollRequest(Credentials who, OpenFile file) : PtyRequest(who, file)
{
    /// <summary>A crashed side reports an error condition.</summary>
    public override SysResult WhenSideIsGone => SysResult.Ok((long)PollEvents.POLLERR);
}

/// <summary>I_FLUSH: an M_FLUSH sent down the handle's stream.</summary>
internal sealed class FlushRequest(Credentials who, OpenFile file, FlushFlags flags) : PtyRequest(who, file)
{
    public FlushFlags Flags { get; } = flags;
}

/// <summary>ioctl(2). Payload null means a transparent ioctl; otherwise the I_STR data (I8).</summary>
internal sealed class IoctlRequest(Credentials who, OpenFile file, int command, ReadOnlyMemory<byte>? payload) : PtyRequest(who, file)
{
    public int Command { get; } = command;
    public ReadOnlyMemory<byte>? Payload { get; } = payload;

    /// <summary>What the ioctl copied out (TCGETS's termios, TIOCGWINSZ's size, I_LIST's names); set before the call completes.</summary>
    public ReadOnlyMemory<byte>? Reply { get; internal set; }
}

/// <summary>close(2). Closing a crashed side succeeds.</summary>
internal sealed class CloseRequest(Credentials who, OpenFile file, bool drain = true) : PtyRequest(who, file)
{
    public override SysResult WhenSideIsGone => SysResult.Ok();

    /// <summary>
    /// The stream head waits for the write queue below to drain (H3): a blocking close does, a
    /// close on an O_NONBLOCK/O_NDELAY descriptor does not, nor does the system's own clean-up.
    /// </summary>
    public bool Drains { get; } = drain && !file.IsNonBlocking;

    /// <summary>The caller cancelled: the close goes on, but no longer waits for the drain.</summary>
    public bool StoppedWaiting => Volatile.Read(ref _stoppedWaiting);

    private bool _stoppedWaiting;

    /// <summary>
    /// Cancelling a close ends its wait for the drain instead of failing it: the descriptor is
    /// already gone. The flag covers a cancel that comes before the actor starts the drain, the
    /// message one that comes during it.
    /// </summary>
    protected override void OnCancelled()
    {
        Volatile.Write(ref _stoppedWaiting, true);
        File!.Side?.Tell(new CloseDrainOver(this), ActorRefs.NoSender);
    }
}

/// <summary>putmsg(2): a control part makes an M_PROTO, data alone an M_DATA; neither sends nothing.</summary>
internal sealed class PutmsgRequest(Credentials who, OpenFile file, ReadOnlyMemory<byte>? control, ReadOnlyMemory<byte>? data) : PtyRequest(who, file)
{
    public ReadOnlyMemory<byte>? Control { get; } = control;
    public ReadOnlyMemory<byte>? Data { get; } = data;
}

/// <summary>getmsg(2): takes one message whole (H7); the parts are set before the call completes.</summary>
internal sealed class GetmsgRequest(Credentials who, OpenFile file, int controlLength, int dataLength) : PtyRequest(who, file)
{
    public int ControlLength { get; } = controlLength;
    public int DataLength { get; } = dataLength;

    /// <summary>The control part, null when the message had none.</summary>
    public ReadOnlyMemory<byte>? Control { get; internal set; }

    /// <summary>The data part, null when there was none.</summary>
    public ReadOnlyMemory<byte>? Data { get; internal set; }
}

/// <summary>The signals a stream head recorded (M4.5): taken, so the next request sees only newer ones.</summary>
internal sealed class SignalsRequest(Credentials who, OpenFile file, bool wait = false) : PtyRequest(who, file)
{
    /// <summary>Wait for the next signal when none is recorded, instead of answering with none.</summary>
    public bool Wait { get; } = wait;

    /// <summary>The signals taken, oldest first; set before the call completes.</summary>
    public IReadOnlyList<Signal> Taken { get; internal set; } = Array.Empty<Signal>();
}

/// <summary>grantpt(3C) (C6): the manager check, then OWNERPT with the caller's uid and group tty.</summary>
internal sealed class GrantRequest(Credentials who, OpenFile file) : PtyRequest(who, file);

/// <summary>ptsname_r(3C) (C3): BufferLength null means a null buffer; ptsname uses PTLEN.</summary>
internal sealed class PtsnameRequest(Credentials who, OpenFile file, int? bufferLength) : PtyRequest(who, file)
{
    public int? BufferLength { get; } = bufferLength;
}

/// <summary>
/// An open(2): its descriptor exists from the start (so the call has a file to answer on), and a
/// failed open forgets it before the caller sees the failure, so the table holds only open files.
/// </summary>
internal abstract class OpenRequest(Credentials who, OpenFile file, Action<int>? forgetDescriptor) : PtyRequest(who, file)
{
    private protected override void OnCompleting(in SysResult result)
    {
        if (!result.IsOk) forgetDescriptor?.Invoke(File!.Descriptor);
    }
}

/// <summary>open("/dev/ptmx") (L1, L2).</summary>
internal sealed class OpenManagerRequest(Credentials who, OpenFile file, Action<int>? forgetDescriptor = null)
    : OpenRequest(who, file, forgetDescriptor);

/// <summary>open("/dev/pts/N"): the /dev/pts lookup (L8), then the driver open (L7).</summary>
internal sealed class OpenSubsidiaryRequest(Credentials who, OpenFile file, int minor, Action<int>? forgetDescriptor = null)
    : OpenRequest(who, file, forgetDescriptor)
{
    public int Minor { get; } = minor;

    /// <summary>A PtyNode's open, admitted by the cluster directory (CL4): the only kind a cluster-named entry takes.</summary>
    public bool ThroughDirectory { get; init; }
}

/// <summary>stat(2) of /dev/pts/N (L8, N12).</summary>
internal sealed class StatRequest(Credentials who, int minor, CallCompletion completion) : PtyRequest(who, null, completion)
{
    public int Minor { get; } = minor;
}

/// <summary>Sets a Clone tunable (N1, PD2) at run time.</summary>
internal sealed class TuneRequest(string tunable, long value, CallCompletion completion) : PtyRequest(Credentials.Root, null, completion)
{
    public string Tunable { get; } = tunable;
    public long Value { get; } = value;
}

/// <summary>
/// Waits in the stream head for the end of the other side, for PtyHandle.HungUp: on a
/// subsidiary the hang-up (M_HANGUP, L14, L15; PD13 after a manager crash), on a manager the
/// subsidiary's end of file (L12, L13; PD13 after a subsidiary crash). Answered Ok then; EBADF
/// when its own file closes first; EIO when its own side crashes (PD13), which the handle reads
/// as a hang-up too: that side is gone for good.
/// </summary>
internal sealed class HangUpRequest(Credentials who, OpenFile file) : PtyRequest(who, file);
