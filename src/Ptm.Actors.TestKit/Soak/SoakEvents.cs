using Ptm.Actors.TestKit.Soak.Oracle;

namespace Ptm.Actors.TestKit.Soak;

// The events a soak workload emits, in the order it observes them, through ISoakEventSink.
// The checker needs no knowledge of the workload beyond these. "Before" events are emitted
// before the call they announce is issued, "after" events once it has returned, so that a
// concurrent observer (the peer's reader) can never report an effect before its cause is known.

/// <summary>Base of every soak event; only the TestKit defines events.</summary>
public abstract record SoakEvent
{
    private protected SoakEvent() { }
}

/// <summary>A manager was opened: a new pty (session) exists with this minor (L1, L5).</summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
/// <param name="Minor">The pty's minor number.</param>
public sealed record SessionStarted(long Session, int Minor) : SoakEvent;

/// <summary>
/// Every handle of the session is closed and every call the workload issued on it has had
/// time to complete (R9): calls still open now are hung.
/// </summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
public sealed record SessionTornDown(long Session) : SoakEvent;

/// <summary>A subsidiary open succeeded and started open epoch Epoch (1, 2, ... per session; L11).</summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
/// <param name="Epoch">The subsidiary open epoch (1, 2, ... per session).</param>
public sealed record SubsidiaryOpened(long Session, int Epoch) : SoakEvent;

/// <summary>How a side ends.</summary>
public enum SideEnd
{
    /// <summary>An orderly last close, after the workload finished with the side.</summary>
    Close,

    /// <summary>A close issued while a call on the side is blocked (the abrupt_close fault), or with input still unread: no EOF is owed to the reader.</summary>
    AbruptClose,

    /// <summary>The actor behind the side fails (PD13).</summary>
    Crash,
}

/// <summary>
/// Before: the subsidiary's last close (or crash) of this epoch is about to be issued. From here
/// the manager may read the epoch's EOF (L13). Everything the subsidiary accepted still reaches
/// the manager, except after a crash (D16, PD13); manager output still queued for the epoch is
/// held in ptm's queue (PD5) and never reaches this epoch's reader or a later one's.
/// </summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
/// <param name="Epoch">The subsidiary open epoch (1, 2, ... per session).</param>
/// <param name="How">How the side ends.</param>
public sealed record SubsidiaryClosing(long Session, int Epoch, SideEnd How) : SoakEvent;

/// <summary>After: the subsidiary's last close of this epoch has completed (for a crash: the actor is known to be gone).</summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
/// <param name="Epoch">The subsidiary open epoch (1, 2, ... per session).</param>
public sealed record SubsidiaryClosed(long Session, int Epoch) : SoakEvent;

/// <summary>
/// Before: the manager close (or crash) is about to be issued. From here the subsidiary may see
/// the hang-up (L14, L15). Drains: a close of a descriptor without O_NONBLOCK, whose stream head
/// first drains ptm's queue into the subsidiary (H3); a non-blocking close or a crash discards
/// that queue at once (L14, PD13).
/// </summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
/// <param name="How">How the side ends.</param>
/// <param name="Drains">True for a draining close (no O_NONBLOCK, H3).</param>
public sealed record ManagerClosing(long Session, SideEnd How, bool Drains) : SoakEvent;

/// <summary>
/// After: the manager close has completed (for a crash: the actor is known to be gone); the
/// hang-up has been sent (L14.1). DrainExpired: a draining close took the whole 15 s of H3, so
/// what had not drained by then was discarded (L14); otherwise a draining close delivered all.
/// </summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
/// <param name="DrainExpired">True if a draining close took the whole 15 s of H3.</param>
public sealed record ManagerClosed(long Session, bool DrainExpired) : SoakEvent;

/// <summary>
/// Before: a write of Length payload bytes at Offset of the stream is about to be issued. The
/// bytes must be PayloadPattern's bytes for that stream and offset, and Offset must be where the
/// accepted bytes end (a retry after EAGAIN restarts there; after a write that failed in any
/// other way the workload must not write the stream again, since some of it may have arrived).
/// </summary>
/// <param name="Stream">The byte stream.</param>
/// <param name="Offset">Where in the stream's bytes the write starts.</param>
/// <param name="Length">How many bytes.</param>
public sealed record WriteStarted(StreamKey Stream, long Offset, int Length) : SoakEvent;

/// <summary>After: the write at Offset returned the count Length (PD14: these bytes must arrive).</summary>
/// <param name="Stream">The byte stream.</param>
/// <param name="Offset">Where in the stream's bytes the write starts.</param>
/// <param name="Length">How many bytes.</param>
public sealed record Accepted(StreamKey Stream, long Offset, int Length) : SoakEvent;

/// <summary>
/// After: a read on the stream's reader returned these bytes. The memory is only read during
/// Emit, never kept, so the workload may reuse its buffer afterwards.
/// </summary>
/// <param name="Stream">The byte stream.</param>
/// <param name="Bytes">The bytes read.</param>
public sealed record Received(StreamKey Stream, ReadOnlyMemory<byte> Bytes) : SoakEvent;

/// <summary>Why bytes may legally go missing (PD14's list).</summary>
internal enum DiscardReason
{
    /// <summary>A flush (D4, D5, D6): everything in flight in the flushed queues.</summary>
    Flush,

    /// <summary>The manager's close discards its queued output (L14).</summary>
    ManagerClose,

    /// <summary>The side that held the bytes crashed (PD13).</summary>
    Crash,
}

/// <summary>
/// Before: a call that may discard bytes of this stream anywhere in flight (a flush) is about to
/// be issued. While a window is open any gap is legal; once it closes, any byte started before
/// the close may be missing, no later byte. The lifecycle discards (L14, H3, PD13) are derived
/// from the Closing and Closed events and need no window.
/// </summary>
internal sealed record DiscardWindowOpened(StreamKey Stream, DiscardReason Reason) : SoakEvent;

/// <summary>After: the discarding call has returned.</summary>
internal sealed record DiscardWindowClosed(StreamKey Stream, DiscardReason Reason) : SoakEvent;

/// <summary>The subsidiary of this epoch saw the hang-up (POLLHUP, EIO on write; L15).</summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
/// <param name="Epoch">The subsidiary open epoch (1, 2, ... per session).</param>
public sealed record HangupSeen(long Session, int Epoch) : SoakEvent;

/// <summary>The manager reported POLLHUP. It never should: a manager only ever reads EOF (pty-semantics.md section 1.3, L13: no hang-up flag on the manager).</summary>
internal sealed record ManagerHangupSeen(long Session) : SoakEvent;

/// <summary>
/// A read returned 0. Reader Manager: the EOF of subsidiary epoch Epoch (L13, once per last
/// close). Reader Subsidiary: the hung-up subsidiary of Epoch has drained its data (L15).
/// Either way every byte accepted on the stream read by this reader must have arrived by now
/// unless a discard covers it. (The workload writes no zero-length messages, PD8.)
/// </summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
/// <param name="Reader">The side whose read returned 0.</param>
/// <param name="Epoch">The subsidiary open epoch (1, 2, ... per session).</param>
public sealed record EofSeen(long Session, Side Reader, int Epoch) : SoakEvent;

/// <summary>
/// Before: a call (read, write, open, close, ioctl, poll, flush) is issued. Operation names its
/// side the way SoakOperations reads it: a manager call ends in "_m" (or is grantpt, unlockpt,
/// ptsname), anything else is a subsidiary call; "read_" and "poll_" calls are reads and polls.
/// </summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
/// <param name="CallId">Unique per call of the session.</param>
/// <param name="Operation">The call's name ("read_m", "write", "close" ...).</param>
public sealed record CallStarted(long Session, long CallId, string Operation) : SoakEvent;

/// <summary>After: the call returned (successfully or with an errno, Outcome says which).</summary>
/// <param name="Session">The session (a unique id the workload gives each pty).</param>
/// <param name="CallId">Unique per call of the session.</param>
/// <param name="Latency">How long the call took.</param>
/// <param name="Outcome">"ok", or the errno's name ("EAGAIN").</param>
public sealed record CallCompleted(long Session, long CallId, TimeSpan Latency, string Outcome) : SoakEvent;

/// <summary>A sample of the Clone actor's count of allocated minors and its limit (PD2; 0 = no limit).</summary>
/// <param name="Count">The minors allocated now.</param>
/// <param name="Limit">The most that may be allocated, or 0 for no limit.</param>
public sealed record MinorsAllocated(int Count, int Limit) : SoakEvent;

/// <summary>A dead letter; Expected when the rules make it harmless (R1, R13: a late resume or data to a gone peer).</summary>
internal sealed record DeadLetter(string Message, string Recipient, bool Expected) : SoakEvent;

/// <summary>A sample of managed memory (bytes) and the number of live ptys at that moment.</summary>
internal sealed record MemorySample(long ManagedBytes, int LivePtys) : SoakEvent;

/// <summary>A fault was injected into a session (Session is -1 for faults not tied to one, e.g. timer_delay).</summary>
internal sealed record FaultInjected(FaultKind Kind, long Session) : SoakEvent;

/// <summary>
/// The system's time now: virtual time on the deterministic dispatcher, else the wall clock since
/// the run began (the clock the pty system's timers run on). The checker counts the patience of
/// calls that must complete in it, so a deterministic run needs no wall-clock slack.
/// </summary>
/// <param name="Now">The system's time.</param>
public sealed record TimePassed(TimeSpan Now) : SoakEvent;

/// <summary>
/// At the end of a run whose last sample still counted minors: the minors still allocated (L16),
/// found by looking each one up. The checker names them, and the last session of each.
/// </summary>
internal sealed record MinorsStillAllocated(IReadOnlyList<int> Minors) : SoakEvent;
