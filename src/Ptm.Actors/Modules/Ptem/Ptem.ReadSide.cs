using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

// ptem's read side (M3.8, M3.9): messages coming up from pts, that is from the manager. The
// manager's own ioctls that ptem answers are answered DOWN, back towards the manager (qreply).

internal sealed partial class Ptem
{
    public override void ReadPut(StreamMessage message, IModuleContext context)
    {
        switch (message)
        {
            case ReadMessage:
                break; // M3.8: M_READ from below means nothing to the subsidiary
            case IoctlAck or IoctlNak:
                break; // M3.8: the manager's answer to one of ptem's copies; the caller was answered already
            case HangupMessage:
                // M3.9: no output can be held for a manager that is gone.
                if (_outputStopped)
                {
                    _outputStopped = false;
                    context.Enable();
                }
                context.PutUp(message);
                break;
            case IoctlMessage ioctl:
                ManagerIoctl(ioctl, context);
                break;
            default:
                context.PutUp(message);
                break;
        }
    }

    private void ManagerIoctl(IoctlMessage ioctl, IModuleContext context)
    {
        switch (ioctl.Command)
        {
            case IoctlCommands.TCSBRK:
                if (!TryIntArgument(ioctl, out var duration)) { context.PutDown(ioctl.Nak(Errno.EINVAL)); break; }
                if (duration == 0) context.PutUp(BreakMessage.Instance);
                context.PutDown(ioctl.Ack());
                break;
            case IoctlCommands.JWINSIZE or IoctlCommands.TIOCGWINSZ or IoctlCommands.TIOCSWINSZ:
                WindowSizeIoctl(ioctl, context, fromManager: true);
                break;
            case IoctlCommands.TIOCSIGNAL:
                if (!TryIntArgument(ioctl, out var signal) || signal < 1 || signal >= Signals.NSIG)
                {
                    context.PutDown(ioctl.Nak(Errno.EINVAL));
                    break;
                }
                context.PutUp(new SignalMessage((Signal)signal, Priority: true)); // M_PCSIG: overtakes queued input
                context.PutDown(ioctl.Ack());
                break;
            case IoctlCommands.TIOCREMOTE:
                if (!TryIntArgument(ioctl, out var on)) { context.PutDown(ioctl.Nak(Errno.EINVAL)); break; }
                // ldterm stops (or resumes) canonical processing: the manager edits the lines itself.
                context.PutUp(new CtlMessage(on != 0 ? CtlMessage.NoCanon : CtlMessage.DoCanon));
                context.PutDown(ioctl.Ack());
                _remoteMode = on != 0;
                break;
            default:
                context.PutUp(ioctl); // the subsidiary stream head NAKs it (D7)
                break;
        }
    }
}
