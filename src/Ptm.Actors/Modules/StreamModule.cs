using Ptm.Actors.Streams;

namespace Ptm.Actors.Modules;

/// <summary>
/// A STREAMS module's procedures, free of any actor machinery so they can be tested alone: the
/// open and close routines and the two put procedures. The module actor (M4.1) hosts one and is
/// its queue pair: messages wait in its queues, in order, and reach the procedures as a service
/// procedure would hand them over:
/// <list type="bullet">
/// <item>a priority message (<see cref="StreamMessage.IsPriority"/>) is handed over at once;</item>
/// <item>an ordinary one only when the next queue in its direction has room and the module does
/// not hold that side (ptem's stopped output, <see cref="HoldsWriteSide"/>); otherwise it waits;</item>
/// <item>an M_FLUSH has already emptied the actor's own queue(s) it names when the module sees it;
/// the module flushes what it keeps itself and passes the flush on (or not) as the real one does.</item>
/// </list>
/// A procedure may send any number of messages either way through the context.
/// </summary>
internal abstract class StreamModule
{
    /// <summary>The name I_PUSH, I_FIND and I_LIST use (fmodsw).</summary>
    public abstract string Name { get; }

    /// <summary>The module's read queue water marks (module_info): the room its lower neighbour sees.</summary>
    public virtual WaterMarks ReadMarks => new(512, 256);

    /// <summary>The module's write queue water marks: the room its upper neighbour sees.</summary>
    public virtual WaterMarks WriteMarks => new(512, 256);

    /// <summary>The open routine, at I_PUSH: typically an M_SETOPTS up (M3.1, M2). A failure (an errno) refuses the push.</summary>
    public virtual Errno Open(IModuleContext context) => Errno.None;

    /// <summary>The close routine, at I_POP or the last close (M4.2).</summary>
    public virtual void Close(IModuleContext context) { }

    /// <summary>The write put procedure: a message coming down from above.</summary>
    public abstract void WritePut(StreamMessage message, IModuleContext context);

    /// <summary>The read put procedure: a message coming up from below.</summary>
    public abstract void ReadPut(StreamMessage message, IModuleContext context);

    /// <summary>
    /// An ordinary write-side message the module takes at once, past the queue and a full
    /// neighbour: an ioctl, except those that must wait for the output ahead of them (TCSETSW,
    /// TCSETSF, TCSETAW, TCSETAF, TCSBRK; ptem's rule, M3.6).
    /// </summary>
    public virtual bool TakesAtOnce(StreamMessage message) => message is IoctlMessage ioctl && ioctl.Command is not (
        IoctlCommands.TCSETSW or IoctlCommands.TCSETSF or IoctlCommands.TCSETAW or IoctlCommands.TCSETAF or IoctlCommands.TCSBRK);

    /// <summary>True while ordinary write-side messages must wait in the queue (ptem's OFLOW_CTL, M3.6).</summary>
    public virtual bool HoldsWriteSide => false;

    /// <summary>
    /// True while the module answers its input on the write side too (ldterm's echo): ordinary
    /// read-side messages then also wait for room on the write side, so input a program reads
    /// but whose echo nobody reads holds the writer instead of piling echo up (M4.1).
    /// </summary>
    public virtual bool InputNeedsWriteRoom => false;

    /// <summary>
    /// An ordinary read-side message that must wait in the module's queue (the queue above is
    /// full, or <see cref="InputNeedsWriteRoom"/> and the write side is): what the put procedure
    /// does with it at once all the same, before <see cref="ReadPut"/> takes it later. ldterm
    /// restarts stopped output here, as ldtermrput's IXON scan does: the room the waiting input
    /// needs comes only once output moves again (M3.6, M4.1).
    /// </summary>
    public virtual void ReadPutWaiting(StreamMessage message, IModuleContext context) { }

    /// <summary>The timer armed with <see cref="IModuleContext.StartTimer"/> fired.</summary>
    public virtual void TimerFired(IModuleContext context) { }
}
