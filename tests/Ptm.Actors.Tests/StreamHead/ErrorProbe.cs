using Ptm.Actors.Modules;
using Ptm.Actors.Streams;
using Ptm.Actors.Tests.Support;

namespace Ptm.Actors.Tests.StreamHead;

/// <summary>
/// A module that raises M_ERROR (or M_HANGUP) on request, as any driver or module may (strrput, PD4): the
/// product's only M_ERROR is ptm's write error (D9), so the head's read-error rules need a
/// module to reach them end to end. It also records what the head sends down, so a test sees
/// the M_FLUSH the head answers an M_ERROR with. Everything else passes through untouched.
/// </summary>
internal sealed class ErrorProbe : StreamModule
{
    /// <summary>The probe's own ioctl: its two payload bytes are the read and write errors of the M_ERROR it sends up.</summary>
    public const int RaiseError = 0x7E01;

    /// <summary>The probe's ioctl that makes it send an M_HANGUP up, as a driver below a module does when its line drops (L15).</summary>
    public const int RaiseHangUp = 0x7E02;

    private static int s_pushes;

    private ErrorProbe(string name) => Name = name;

    public override string Name { get; }

    /// <summary>The M_FLUSH messages that came down from the head, oldest first.</summary>
    public List<FlushFlags> FlushesDown { get; } = new();

    /// <summary>Pushes a probe of its own on <paramref name="fd"/>'s stream (a name per probe, so tests running at once never share one).</summary>
    public static ErrorProbe PushOn(DeterministicPty pty, int fd)
    {
        var probe = new ErrorProbe("eprobe" + Interlocked.Increment(ref s_pushes));
        ModuleRegistry.Register(probe.Name, () => probe);
        Assert.Equal(0, pty.Ok(pty.Posix.PushAsync(fd, probe.Name), "I_PUSH " + probe.Name));
        return probe;
    }

    /// <summary>Starts the ioctl that makes the probe send M_ERROR(<paramref name="read"/>, <paramref name="write"/>) up; None is "no change".</summary>
    public static Task<SysResult> Raise(DeterministicPty pty, int fd, Errno read, Errno write) =>
        pty.Posix.IoctlAsync(fd, RaiseError, new[] { (byte)read, (byte)write });

    public override void WritePut(StreamMessage message, IModuleContext context)
    {
        if (message is IoctlMessage { Command: RaiseError, Payload: { } errors } raise)
        {
            context.PutUp(new ErrorMessage((Errno)errors.Span[0], (Errno)errors.Span[1]));
            context.PutUp(raise.Ack()); // H1: the M_ERROR has already failed it, unless it changed nothing
            return;
        }
        if (message is IoctlMessage { Command: RaiseHangUp } hangUp)
        {
            context.PutUp(HangupMessage.Instance);
            context.PutUp(hangUp.Ack());
            return;
        }
        if (message is FlushMessage flush) FlushesDown.Add(flush.Flags);
        context.PutDown(message);
    }

    public override void ReadPut(StreamMessage message, IModuleContext context) => context.PutUp(message);
}
