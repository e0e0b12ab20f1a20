namespace Ptm.Actors.Streams;

// The control messages the modules exchange (M1, M2, M3, M4). None of them carries bytes a read could
// return, so none counts against a queue's water marks.

/// <summary>M_SIG (ordinary, queued behind data) or M_PCSIG (priority): a signal for the stream head to record (M4.5).</summary>
internal sealed record SignalMessage(Signal Signal, bool Priority) : StreamMessage
{
    public override bool IsPriority => Priority;
}

/// <summary>M_BREAK: a break condition (TCSBRK with 0, M3.5, M3.8; BRKINT, M1).</summary>
internal sealed record BreakMessage : StreamMessage
{
    public static readonly BreakMessage Instance = new();
    public override bool IsPriority => false;
}

/// <summary>Which of M_STOP, M_START, M_STOPI, M_STARTI a <see cref="FlowMessage"/> is.</summary>
internal enum FlowKind
{
    /// <summary>M_STOP: stop output (IXON ^S, TCXONC 0); ptem holds the write side (M3.6).</summary>
    StopOutput,
    /// <summary>M_START: restart output.</summary>
    StartOutput,
    /// <summary>M_STOPI: ask the other end to stop sending input (IXOFF, TCXONC 2).</summary>
    StopInput,
    /// <summary>M_STARTI: ask it to resume.</summary>
    StartInput,
}

/// <summary>M_STOP, M_START, M_STOPI, M_STARTI: all priority messages.</summary>
internal sealed record FlowMessage(FlowKind Kind) : StreamMessage
{
    public override bool IsPriority => true;
}

/// <summary>
/// M_READ: a reader blocked at the stream head wants <see cref="Count"/> bytes. The head sends
/// it only after an M_SETOPTS with SO_MREADON (ldterm's non-canonical mode, VMIN/VTIME, M1);
/// ptm, pts and ptem drop it.
/// </summary>
internal sealed record ReadMessage(int Count) : StreamMessage
{
    public override bool IsPriority => true;
}

/// <summary>M_CTL: a module-to-module request, such as ptem's MC_NO_CANON/MC_DO_CANON to ldterm (TIOCREMOTE, M3.8).</summary>
internal sealed record CtlMessage(int Command) : StreamMessage
{
    /// <summary>ldterm stops canonical processing (remote mode on).</summary>
    public const int NoCanon = 0x6300 | 3;

    /// <summary>ldterm resumes canonical processing.</summary>
    public const int DoCanon = 0x6300 | 4;

    public override bool IsPriority => false;
}
