using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

// The window-size ioctls (M3.5, M3.8), which either side may issue: the subsidiary's come down
// the write side and are answered up; the manager's come up the read side and are answered down.

internal sealed partial class Ptem
{
    private void WindowSizeIoctl(IoctlMessage ioctl, IModuleContext context, bool fromManager)
    {
        void Answer(StreamMessage reply)
        {
            if (fromManager) context.PutDown(reply);
            else context.PutUp(reply);
        }

        switch (ioctl.Command)
        {
            case IoctlCommands.JWINSIZE:
                // For old dumb-terminal programs: no size set yet is an error, not a 0x0 screen.
                if (_size == default) { Answer(ioctl.Nak(Errno.EINVAL)); return; }
                Answer(ioctl.Ack(0, _size.ToBytes()));
                return;
            case IoctlCommands.TIOCGWINSZ:
                Answer(ioctl.Ack(0, _size.ToBytes()));
                return;
            default: // TIOCSWINSZ
                if (!WindowSize.TryParse(PayloadOf(ioctl), out var size)) { Answer(ioctl.Nak(Errno.EINVAL)); return; }
                // PD10: all four fields are compared with their own counterparts (OQ-11's slip is not kept).
                if (size != _size)
                {
                    context.PutUp(new SignalMessage(Signal.SIGWINCH, Priority: false));
                    if (!fromManager) context.PutDown(CopyFor(ioctl, context)); // the manager set it: it knows
                    _size = size;
                }
                Answer(ioctl.Ack());
                return;
        }
    }
}
