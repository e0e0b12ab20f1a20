using System.Buffers.Binary;
using System.Collections.Immutable;
using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

/*
 * ptem, the pseudo-terminal hardware emulator (M3), pushed on the subsidiary under ldterm. It
 * plays the part a serial driver plays under a real terminal: it keeps what belongs to the
 * "hardware" and answers the ioctls a terminal driver answers, so pts underneath never sees one.
 *
 * State (M3.2): c_cflag (M4.3's default until a TCSET* changes it), the window size (all zero at
 * push, M3.1), and three flags: OFLOW_CTL (output stopped by M_STOP), REMOTEMODE (TIOCREMOTE from
 * the manager) and IS_PTSTTY (PTSSTTY seen: zero-length writes then travel, M3.6).
 *
 * Write side, from the subsidiary process (Ptem.cs):
 *  - TCSETA/TCSETAW/TCSETAF merge the low 16 bits of c_cflag, TCSETS/TCSETSW/TCSETSF replace it;
 *    the F variants send M_FLUSH(FLUSHR) down first; each is ACKed up (M3.3). A new speed of B0 is
 *    the hang-up: one zero-length M_DATA goes down, so the manager reads 0, once per push;
 *    otherwise a copy of the set ioctl goes down for pckt (M3.4). Copies carry fresh ids, and the
 *    manager's answers to them are thrown away on the read side (M3.8).
 *  - TCGETA/TCGETS are ACKed with a termios whose only non-zero field is c_cflag; ldterm above
 *    fills in the rest on the way up (M3.3).
 *  - TCSBRK, the window-size ioctls, TIOCSTI and PTSSTTY (M3.5); every other ioctl is NAKed
 *    EINVAL (M3.7).
 *  - Data: zero-length dropped unless IS_PTSTTY; while OFLOW_CTL the side is held
 *    (HoldsWriteSide) and M_START releases it; M_READ dropped; M_FLUSH passes on (M3.6).
 *
 * Read side, from pts, that is from the manager (Ptem.ReadSide.cs, M3.8, M3.9). The window size
 * ioctls are shared by both sides (Ptem.WindowSize.cs). Answers to the manager's ioctls travel
 * DOWN (qreply from the read queue): the module actor must pass an IoctlAck/IoctlNak a module
 * sends down on to pts, which hands it to the manager stream head.
 */

/// <summary>ptem (M3): c_cflag, the window size and the terminal ioctls of the subsidiary side.</summary>
internal sealed partial class Ptem : StreamModule
{
    private const uint CflagLow16 = 0x0000ffff;

    private ControlModes _cflag = Termios.Default.Control;
    private WindowSize _size;
    private bool _outputStopped; // OFLOW_CTL
    private bool _remoteMode;    // REMOTEMODE
    private bool _ptsTty;        // IS_PTSTTY
    private bool _hangupSent;    // ptemopen's pre-allocated block is gone (M3.4: once per push)

    public override string Name => "ptem";

    /// <summary>module_info: _TTY_BUFSIZ high water, 128 low, on both queues.</summary>
    public override WaterMarks ReadMarks => new(2048, 128);

    public override WaterMarks WriteMarks => new(2048, 128);

    /// <summary>M3.6: ordinary output waits while M_STOP is in force.</summary>
    public override bool HoldsWriteSide => _outputStopped;

    internal ControlModes Cflag => _cflag;

    internal WindowSize Size => _size;

    internal bool RemoteMode => _remoteMode;

    /// <summary>M3.1: the stream head gets ptem's water marks and becomes a terminal.</summary>
    public override Errno Open(IModuleContext context)
    {
        context.PutUp(new SetOptionsMessage(WaterMarks.StreamHead, IsTty: true));
        return Errno.None;
    }

    public override void WritePut(StreamMessage message, IModuleContext context)
    {
        switch (message)
        {
            case FlowMessage { Kind: FlowKind.StopOutput }:
                _outputStopped = true;
                context.PutDown(message);
                break;
            case FlowMessage { Kind: FlowKind.StartOutput }:
                _outputStopped = false;
                context.PutDown(message);
                context.Enable();
                break;
            case ReadMessage:
                break; // M3.6: M_READ means nothing below ptem
            case DataMessage { IsZeroLength: true } when !_ptsTty:
                break; // M3.6: a zero-length write is not end of file for the manager outside XPG4 mode
            case IoctlMessage ioctl:
                WriteIoctl(ioctl, context);
                break;
            default:
                context.PutDown(message); // data, M_FLUSH (the actor already flushed ptem's queue), answers, ...
                break;
        }
    }

    private void WriteIoctl(IoctlMessage ioctl, IModuleContext context)
    {
        switch (ioctl.Command)
        {
            case IoctlCommands.TCSETAF or IoctlCommands.TCSETSF:
                context.PutDown(new FlushMessage(FlushFlags.FLUSHR));
                SetControlModes(ioctl, context);
                break;
            case IoctlCommands.TCSETA or IoctlCommands.TCSETAW or IoctlCommands.TCSETS or IoctlCommands.TCSETSW:
                SetControlModes(ioctl, context);
                break;
            case IoctlCommands.TCGETA:
                context.PutUp(ioctl.Ack(0, CflagOnly().ToTermioBytes()));
                break;
            case IoctlCommands.TCGETS:
                context.PutUp(ioctl.Ack(0, CflagOnly().ToBytes()));
                break;
            case IoctlCommands.TCSBRK:
                WriteBreak(ioctl, context);
                break;
            case IoctlCommands.JWINSIZE or IoctlCommands.TIOCGWINSZ or IoctlCommands.TIOCSWINSZ:
                WindowSizeIoctl(ioctl, context, fromManager: false);
                break;
            case IoctlCommands.TIOCSTI:
                SimulateInput(ioctl, context);
                break;
            case IoctlCommands.PTSSTTY:
                if (_ptsTty) { context.PutUp(ioctl.Nak(Errno.EEXIST)); break; }
                _ptsTty = true;
                context.PutUp(ioctl.Ack());
                break;
            default:
                context.PutUp(ioctl.Nak(Errno.EINVAL)); // M3.7: the end of the line, pts never sees it
                break;
        }
    }

    /// <summary>M3.3, M3.4: TCSET* keeps c_cflag, hangs up on B0, else copies the ioctl down for pckt.</summary>
    private void SetControlModes(IoctlMessage ioctl, IModuleContext context)
    {
        var payload = PayloadOf(ioctl);
        uint newFlags;
        if (ioctl.Command is IoctlCommands.TCSETA or IoctlCommands.TCSETAW or IoctlCommands.TCSETAF)
        {
            if (payload.Length < Termios.TermioLength) { context.PutUp(ioctl.Nak(Errno.EINVAL)); return; }
            newFlags = BinaryPrimitives.ReadUInt16LittleEndian(payload[4..]); // struct termio's c_cflag
            _cflag = (ControlModes)(((uint)_cflag & ~CflagLow16) | newFlags);
        }
        else
        {
            if (payload.Length < Termios.Length) { context.PutUp(ioctl.Nak(Errno.EINVAL)); return; }
            newFlags = BinaryPrimitives.ReadUInt32LittleEndian(payload[8..]); // struct termios's c_cflag
            _cflag = (ControlModes)newFlags;
        }

        if ((newFlags & (uint)ControlModes.CBAUD) == BaudRates.B0)
        {
            if (!_hangupSent)
            {
                _hangupSent = true;
                context.PutDown(DataMessage.Empty);
            }
        }
        else
        {
            context.PutDown(CopyFor(ioctl, context));
        }
        context.PutUp(ioctl.Ack());
    }

    /// <summary>M3.5: TCSBRK goes down for pckt; an argument of 0 is a real break.</summary>
    private static void WriteBreak(IoctlMessage ioctl, IModuleContext context)
    {
        if (!TryIntArgument(ioctl, out var duration)) { context.PutUp(ioctl.Nak(Errno.EINVAL)); return; }
        context.PutDown(CopyFor(ioctl, context));
        if (duration == 0) context.PutDown(BreakMessage.Instance);
        context.PutUp(ioctl.Ack());
    }

    /// <summary>M3.5: TIOCSTI goes down for pckt and, unless the manager edits remotely, comes back up as typed input.</summary>
    private void SimulateInput(IoctlMessage ioctl, IModuleContext context)
    {
        if (!_remoteMode)
        {
            if (ioctl.Payload is not { Length: >= 1 } typed) { context.PutUp(ioctl.Nak(Errno.EINVAL)); return; }
            if (!context.CanPutUp) { context.PutUp(ioctl.Nak(Errno.EAGAIN)); return; }
            context.PutUp(new DataMessage(typed[..1].ToArray()));
        }
        context.PutDown(CopyFor(ioctl, context));
        context.PutUp(ioctl.Ack());
    }

    /// <summary>The copy ptem sends down for pckt: a fresh id, so the manager's answer to it never meets the caller's ioctl.</summary>
    private static IoctlMessage CopyFor(IoctlMessage ioctl, IModuleContext context) => ioctl with { Id = context.NewIoctlId() };

    private Termios CflagOnly() =>
        new(InputModes.None, OutputModes.None, _cflag, LocalModes.None, ImmutableArray.Create(new byte[Termios.ControlCharCount]));

    /// <summary>An ioctl's I_STR data; empty for a transparent one.</summary>
    private static ReadOnlySpan<byte> PayloadOf(IoctlMessage ioctl) => ioctl.Payload is { } payload ? payload.Span : default;

    /// <summary>An ioctl's integer argument: a 4-byte little-endian payload (miocpullup of an int).</summary>
    private static bool TryIntArgument(IoctlMessage ioctl, out int value)
    {
        value = 0;
        if (ioctl.Payload is not { Length: >= 4 } payload) return false;
        value = BinaryPrimitives.ReadInt32LittleEndian(payload.Span);
        return true;
    }
}
