using Akka.Actor;
using Akka.Event;

namespace Ptm.Actors.Pty;

// Messages between the two sides of a pair and the Clone actor. Stream traffic itself travels
// as Streams.StreamMessage; these carry the lifecycle. All are expected as dead letters in close
// races (R1, R2, R4), so none is reported as unexpected.

/// <summary>A new subsidiary stream has started (R3) and asks its manager to connect.</summary>
internal sealed record SubsidiaryOpened : IDeadLetterSuppression
{
    public static readonly SubsidiaryOpened Instance = new();
}

/// <summary>The manager accepted the subsidiary as its peer.</summary>
internal sealed record Connected : IDeadLetterSuppression
{
    public static readonly Connected Instance = new();
}

/// <summary>The subsidiary's last close, sent after all its data: the manager reads 0 once (L12, L13, R5).</summary>
internal sealed record SubsidiaryClosed : IDeadLetterSuppression
{
    public static readonly SubsidiaryClosed Instance = new();
}

/// <summary>The consumer has read (or flushed) this many bytes in all: the producer may resume (D15).</summary>
internal sealed record Credit(long ConsumedTotal) : IDeadLetterSuppression;

/// <summary>
/// The manager has begun to close: new subsidiary opens fail EAGAIN (PD3). The Clone completes
/// <see cref="Close"/> once its bookkeeping for the manager is done, so close(2) returns with the
/// entry already updated, as ptmclose returns after ptms_close.
/// </summary>
internal sealed record ManagerClosing(int Minor, CloseRequest Close) : IDeadLetterSuppression;

/// <summary>A subsidiary stream has begun its last close: opens wait for it (R7); the Clone completes the close (L12.4).</summary>
internal sealed record SubsidiaryClosing(int Minor, CloseRequest Close) : IDeadLetterSuppression;

/// <summary>Another open of an already open subsidiary stream joins it (L7.4, L9).</summary>
internal sealed record JoinOpen(OpenSubsidiaryRequest Request) : IDeadLetterSuppression;

/// <summary>Second phase of a subsidiary open, after the /dev/pts lookup (L8 then L7).</summary>
internal sealed record DriverOpen(OpenSubsidiaryRequest Request);

/// <summary>Entry updates the manager makes through its ioctls (I2, I3, I4, I5).</summary>
internal sealed record Unlock(int Minor) : IDeadLetterSuppression;

internal sealed record SetZone(int Minor, int Zone) : IDeadLetterSuppression;

internal sealed record SetOwner(int Minor, long Uid, long Gid) : IDeadLetterSuppression;

/// <summary>
/// PTSSTTY (I3): the manager sets the bit; a subsidiary's M_IOCTL (its id in
/// <paramref name="SubsidiaryIoctl"/>) fails EEXIST if it is already set, answered with <see cref="PtsTtyAnswer"/>.
/// </summary>
internal sealed record SetPtsTty(int Minor, long? SubsidiaryIoctl) : IDeadLetterSuppression;

/// <summary>The Clone's answer to a subsidiary's PTSSTTY: None, or the errno its M_IOCNAK carries.</summary>
internal sealed record PtsTtyAnswer(long Ioctl, Errno Error) : IDeadLetterSuppression;

/// <summary>
/// Fault injection (PD13): the side fails when it processes this message, in its turn, so
/// every request queued before it is handled first and nothing is lost unanswered.
/// </summary>
internal sealed record CrashPoke(bool Manager) : IDeadLetterSuppression;

/// <summary>The PtySystem is being disposed: closes waiting for their output to drain (H3) stop waiting.</summary>
internal sealed record EndCloseDrains : IDeadLetterSuppression
{
    public static readonly EndCloseDrains Instance = new();
}
