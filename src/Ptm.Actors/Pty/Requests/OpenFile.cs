using Akka.Actor;
using Akka.Event;

namespace Ptm.Actors.Pty;

/// <summary>
/// One open file description: what a descriptor refers to. Its side's actor is set by that
/// actor once the open has succeeded; a file whose actor has stopped (a crash) answers through
/// the dead-letter path. Several files may share one subsidiary stream (L9).
/// </summary>
internal sealed class OpenFile
{
    private static long s_ids;

    internal OpenFile(int descriptor, OpenFlags flags, CallCompletion completion)
    {
        Descriptor = descriptor;
        Flags = flags;
        Completion = completion;
    }

    /// <summary>How calls on this file complete their Tasks (the PtySystem's choice).</summary>
    internal CallCompletion Completion { get; }

    public long Id { get; } = Interlocked.Increment(ref s_ids);
    public int Descriptor { get; }
    public OpenFlags Flags { get; }
    public bool IsNonBlocking => Flags.IsNonBlocking();

    /// <summary>The side actor; null until the open succeeds.</summary>
    public IActorRef? Side { get; internal set; }

    public int Minor { get; internal set; }
    public bool IsManager { get; internal set; }

    /// <summary>Set when close(2) was called: later calls fail EBADF without reaching any actor.</summary>
    public bool Closed { get; internal set; }

    public bool IsUsable => Side is not null && !Closed;
}
