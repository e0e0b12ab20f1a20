namespace Ptm.Actors.Pty;

/// <summary>
/// The requests behind PtyHandle.HungUp, parked here until the other side ends. Nothing polls:
/// the head answers them when it records the end, as it answers a waiting signal take (M4.5).
/// <list type="bullet">
/// <item>A subsidiary's end is its hang-up (STRHUP: an M_HANGUP up the stream, L14, L15, PD13),
/// recorded with the SIGHUP of a terminal (M4.5) after the modules have passed it up.</item>
/// <item>A manager's end is the subsidiary's end of file (L12, L13), or its crash (PD13); the
/// manager stream itself is never hung up (L13), so the driver says when it put the EOF up.</item>
/// </list>
/// A watch whose file closes first fails EBADF; one whose side crashes fails EIO (PD13).
/// </summary>
internal sealed partial class StreamHead
{
    // Created on first use: nobody watches most handles (memory per idle pair).
    private List<HangUpRequest>? _hangUpWatches;

    /// <summary>Manager only: the subsidiary's EOF has been put up (L13) and no new subsidiary has opened since (L11).</summary>
    private bool _peerEnded;

    /// <summary>Answers at once when the end has already come, otherwise parks the watch until it does.</summary>
    public void WatchHangUp(HangUpRequest request)
    {
        if (HungUp || _peerEnded) request.Complete(0);
        else (_hangUpWatches ??= new List<HangUpRequest>()).Add(request);
    }

    /// <summary>The manager's driver put the subsidiary's EOF up (L13; a crash ends the same way, PD13).</summary>
    public void PeerEnded()
    {
        _peerEnded = true;
        EndHangUpWatches(static _ => true, SysResult.Ok());
    }

    /// <summary>A new subsidiary stream opened (L11): the next end of file is a new end.</summary>
    public void PeerStarted() => _peerEnded = false;

    /// <summary>close(2) of <paramref name="file"/>: its watches end now, whatever the close then waits for (H3, L9).</summary>
    public void FileClosing(OpenFile file)
    {
        if (_hangUpWatches is null) return; // no closure for the closes of handles nobody watched
        EndHangUpWatches(watch => ReferenceEquals(watch.File, file), SysResult.Fail(Errno.EBADF));
    }

    /// <summary>STRHUP was just set (L15).</summary>
    private void AnswerHangUpWatches() => EndHangUpWatches(static _ => true, SysResult.Ok());

    /// <summary>The side is closing (EBADF) or crashed (EIO, PD13).</summary>
    private void FailHangUpWatches(Errno errno) => EndHangUpWatches(static _ => true, SysResult.Fail(errno));

    private void EndHangUpWatches(Predicate<HangUpRequest> which, SysResult result)
    {
        _hangUpWatches?.RemoveAll(watch =>
        {
            if (!which(watch)) return false;
            watch.Complete(result);
            return true;
        });
    }
}
