using System.Buffers.Binary;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

// ldterm's ioctls (ldterm_do_ioctl, chgstropts): the termios gets and sets, TCFLSH, TCXONC.
// Everything else (TCSBRK, the window size, TIOCSTI, ...) passes down to ptem.
internal sealed partial class Ldterm
{
    /// <summary>Output stopped by IXON's STOP or TCXONC 0 (TS_TTSTOP): ldterm sent M_STOP down.</summary>
    private bool _outputStopped;

    /// <summary>Input stopped by TCXONC 2 (TS_TBLOCK|TS_IFBLOCK): ldterm sent M_STOPI down.</summary>
    private bool _inputStopped;

    /// <summary>TS_FLUSHWAIT: ldterm sent M_FLUSH(FLUSHW) up and will swallow the head's turned-round copy.</summary>
    private bool _flushWait;

    /// <summary>TS_ISPTSTTY: PTSSTTY passed through here (XPG4 mode); zero-length writes then pass.</summary>
    private bool _isPtsTty;

    private void Ioctl(IoctlMessage ioctl, IModuleContext context)
    {
        switch (ioctl.Command)
        {
            case IoctlCommands.TCGETS:
                context.PutUp(ioctl.Ack(0, _modes.ToBytes()));
                return;
            case IoctlCommands.TCGETA:
                context.PutUp(ioctl.Ack(0, _modes.ToTermioBytes()));
                return;
            case IoctlCommands.TCSETS or IoctlCommands.TCSETSW or IoctlCommands.TCSETSF:
                if (ioctl.Payload is not { } full || !Termios.TryParse(full.Span, out var termios))
                {
                    context.PutUp(ioctl.Nak(Errno.EINVAL));
                    return;
                }
                Set(termios, ioctl.Command == IoctlCommands.TCSETSF, context);
                break;
            case IoctlCommands.TCSETA or IoctlCommands.TCSETAW or IoctlCommands.TCSETAF:
                if (ioctl.Payload is not { } old || !_modes.TryMergeTermio(old.Span, out var merged))
                {
                    context.PutUp(ioctl.Nak(Errno.EINVAL));
                    return;
                }
                Set(merged, ioctl.Command == IoctlCommands.TCSETAF, context);
                break;
            case IoctlCommands.TCFLSH:
                Answer(ioctl, TryArgument(ioctl, out var queue) && FlushQueues(queue, context), context);
                return;
            case IoctlCommands.TCXONC:
                Answer(ioctl, TryArgument(ioctl, out var action) && FlowControl(action, context), context);
                return;
            case IoctlCommands.PTSSTTY:
                _isPtsTty = true;
                break;
        }
        // The sets go on to ptem, which keeps c_cflag and answers (M3.3); with nothing below that
        // knows them, the answer that comes up is the caller's.
        context.PutDown(ioctl);
    }

    private static void Answer(IoctlMessage ioctl, bool done, IModuleContext context) =>
        context.PutUp(done ? ioctl.Ack(0) : ioctl.Nak(Errno.EINVAL));

    /// <summary>The int argument of TCFLSH/TCXONC: a 4-byte little-endian payload.</summary>
    private static bool TryArgument(IoctlMessage ioctl, out int value)
    {
        value = 0;
        if (ioctl.Payload is not { Length: >= 4 } payload) return false;
        value = BinaryPrimitives.ReadInt32LittleEndian(payload.Span);
        return true;
    }

    /// <summary>
    /// TCSETS/TCSETA and their W and F variants (the W wait for drained output is the actor's, as
    /// ldtermwput queues them). The F variants drop pending input first, as tcsetattr(TCSAFLUSH)
    /// does; in illumos ptem's M_FLUSH(FLUSHR) round trip does it (M3.3). PENDIN's rescan is not
    /// modelled: the flag is cleared as ldterm clears it.
    /// </summary>
    private void Set(Termios termios, bool flushInput, IModuleContext context)
    {
        if (flushInput) FlushInput(context);
        var old = _modes;
        _modes = termios with { Local = termios.Local & ~LocalModes.PENDIN };
        if (((old.Local ^ _modes.Local) & LocalModes.ICANON) == 0) return;
        if (_modes.IsCanonical)
        {
            // chgstropts: back to message-nondiscard reads, no more M_READ, no timed read pending.
            context.PutUp(new SetOptionsMessage(null, ReadMode.MessageNondiscard, ReadNotify: false));
            Satisfied(context, sendUp: false);
        }
        else
        {
            context.PutUp(new SetOptionsMessage(null, ReadMode.ByteStream, ReadNotify: true));
            // The partial line is now raw input: it goes up as soon as VMIN/VTIME allow.
            InputArrived(context);
        }
    }

    /// <summary>Drops pending input here and at the head: what M_FLUSH(FLUSHR) coming up from below does.</summary>
    private void FlushInput(IModuleContext context) => FlushFromBelow(new FlushMessage(FlushFlags.FLUSHR), context);

    /// <summary>
    /// TCFLSH 0 (input), 1 (output), 2 (both), turned into M_FLUSH so nothing below needs to know
    /// TCFLSH. An output flush also goes up for the head's write queue; its turned-round copy is
    /// swallowed (TS_FLUSHWAIT).
    /// </summary>
    private bool FlushQueues(int queue, IModuleContext context)
    {
        switch (queue)
        {
            case 0:
                context.PutDown(new FlushMessage(FlushFlags.FLUSHR));
                FlushInput(context);
                return true;
            case 1:
                _flushWait = true;
                context.PutUp(new FlushMessage(FlushFlags.FLUSHW));
                context.PutDown(new FlushMessage(FlushFlags.FLUSHW));
                return true;
            case 2:
                context.PutDown(new FlushMessage(FlushFlags.FLUSHRW));
                DiscardLine();
                _flushWait = true;
                context.PutUp(new FlushMessage(FlushFlags.FLUSHRW));
                return true;
            default:
                return false;
        }
    }

    /// <summary>TCXONC 0 suspends output (once), 1 restarts it (if suspended), 2 and 3 ask the other end to stop or resume sending.</summary>
    private bool FlowControl(int action, IModuleContext context)
    {
        switch (action)
        {
            case 0:
                if (!_outputStopped) StopOutput(context);
                return true;
            case 1:
                if (_outputStopped) RestartOutput(context);
                return true;
            case 2:
                _inputStopped = true;
                context.PutDown(new FlowMessage(FlowKind.StopInput));
                return true;
            case 3:
                _inputStopped = false;
                context.PutDown(new FlowMessage(FlowKind.StartInput));
                return true;
            default:
                return false;
        }
    }

    private void StopOutput(IModuleContext context)
    {
        _outputStopped = true;
        context.PutDown(new FlowMessage(FlowKind.StopOutput));
    }

    private void RestartOutput(IModuleContext context)
    {
        _outputStopped = false;
        context.PutDown(new FlowMessage(FlowKind.StartOutput));
    }
}
