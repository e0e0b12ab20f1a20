namespace Ptm.Actors.Pty;

/// <summary>
/// One ioctl the stream head sends down and waits for (strdoioctl): a caller's ioctl(2), or one
/// step of a call made of several (I_FLUSH's -1 round trip, H6; libc's ISPTM check and OWNERPT,
/// C2, C6). <see cref="Id"/> matches its one M_IOCACK or M_IOCNAK.
/// </summary>
internal sealed class HeadIoctl(int command, ReadOnlyMemory<byte>? payload, PtyRequest caller, Action<SysResult>? onAnswer = null)
{
    /// <summary>The ioctl I_FLUSH sends down after its M_FLUSH: nobody knows it, so its NAK comes back once everything ahead of it is through (H6).</summary>
    public const int FlushRoundTrip = -1;

    public long Id { get; set; }
    public int Command { get; } = command;
    public ReadOnlyMemory<byte>? Payload { get; } = payload;
    public Credentials Who => caller.Who;

    /// <summary>The caller has gone (cancelled): a waiting ioctl is not sent.</summary>
    public bool IsAbandoned => caller.IsDone;

    /// <summary>strdoioctl's timer, when one is armed (I_FLUSH's round trip, H6).</summary>
    public Akka.Actor.ICancelable? Timer { get; set; }

    public void Answer(SysResult result, ReadOnlyMemory<byte>? reply = null)
    {
        Timer?.Cancel();
        if (caller is IoctlRequest request) request.Reply = reply; // set before the caller can see the result
        if (onAnswer is null) caller.Complete(result);
        else onAnswer(result);
    }
}
