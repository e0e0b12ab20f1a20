using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

/*
 * ttcompat (6.4), pushed above ldterm: old V7/4.3BSD programs ask for the terminal modes with
 * sgtty ioctls, which nothing below understands; ttcompat answers them in termios terms.
 *
 *  - TIOCGETP / TIOCGETC: the ioctl goes down as a TCGETS (same id); its ACK comes back up with a
 *    termios, which ttcompat turns into a struct sgttyb (8 bytes on illumos: ispeed, ospeed,
 *    erase, kill, int flags) or a struct tchars (6 characters) and ACKs up instead.
 *  - TIOCSETP / TIOCSETN / TIOCSETC: the new values are kept, the ioctl goes down as a TCGETS;
 *    when its ACK comes up, the current termios is rebuilt with the new values (CompatState)
 *    and goes back down as TCSETSF for TIOCSETP (which flushes input), TCSETS for the others.
 *    The answer to that set travels up to the caller unchanged.
 *  - A NAK of a translated ioctl passes up (the caller's ioctl fails with it) and ends the wait.
 *  - Everything else passes through both ways.
 *
 * The stream head lets one ioctl at a time be outstanding on a stream (H5), so one pending slot
 * is enough; an answer with another id is not ttcompat's and passes up.
 */

/// <summary>ttcompat (6.4): the sgtty ioctls translated into termios ones.</summary>
internal sealed class Ttcompat : StreamModule
{
    private readonly CompatState _state = new();
    private IoctlMessage? _pending; // the caller's translated ioctl, waiting for its TCGETS answer

    public override string Name => "ttcompat";

    /// <summary>module_info: 2048/128 on the read side, 300/200 on the write side.</summary>
    public override WaterMarks ReadMarks => new(2048, 128);

    public override WaterMarks WriteMarks => new(300, 200);

    public override void WritePut(StreamMessage message, IModuleContext context)
    {
        if (message is not IoctlMessage ioctl) { context.PutDown(message); return; }
        var payload = ioctl.Payload ?? ReadOnlyMemory<byte>.Empty;
        switch (ioctl.Command)
        {
            case IoctlCommands.TIOCGETP or IoctlCommands.TIOCGETC:
                break;
            case IoctlCommands.TIOCSETP or IoctlCommands.TIOCSETN when payload.Length < CompatState.SgttybLength:
            case IoctlCommands.TIOCSETC when payload.Length < CompatState.TcharsLength:
                context.PutUp(ioctl.Nak(Errno.EINVAL));
                return;
            case IoctlCommands.TIOCSETP or IoctlCommands.TIOCSETN or IoctlCommands.TIOCSETC:
                break;
            default:
                context.PutDown(ioctl);
                return;
        }
        _pending = ioctl;
        context.PutDown(ioctl with { Command = IoctlCommands.TCGETS, Payload = null });
    }

    public override void ReadPut(StreamMessage message, IModuleContext context)
    {
        switch (message)
        {
            case IoctlAck ack when _pending is { } pending && ack.Id == pending.Id:
                _pending = null;
                Translate(pending, ack, context);
                break;
            case IoctlNak nak when _pending is { } pending && nak.Id == pending.Id:
                _pending = null;
                context.PutUp(nak);
                break;
            default:
                context.PutUp(message);
                break;
        }
    }

    private void Translate(IoctlMessage request, IoctlAck current, IModuleContext context)
    {
        if (current.Data is not { } data || !Termios.TryParse(data.Span, out var termios))
        {
            context.PutUp(request.Nak(Errno.EINVAL)); // nothing below answered TCGETS with a termios
            return;
        }
        _state.ToCompat(termios);
        var payload = request.Payload ?? ReadOnlyMemory<byte>.Empty;
        switch (request.Command)
        {
            case IoctlCommands.TIOCGETP:
                context.PutUp(request.Ack(0, _state.ToSgttyb()));
                return;
            case IoctlCommands.TIOCGETC:
                context.PutUp(request.Ack(0, _state.ToTchars()));
                return;
            case IoctlCommands.TIOCSETC:
                _state.MergeTchars(payload.Span);
                break;
            default: // TIOCSETP, TIOCSETN
                _state.MergeSgttyb(payload.Span);
                break;
        }
        var set = request.Command == IoctlCommands.TIOCSETP ? IoctlCommands.TCSETSF : IoctlCommands.TCSETS;
        context.PutDown(request with { Command = set, Payload = _state.FromCompat(termios).ToBytes() });
    }
}
