using Ptm.Actors.Pty;

namespace Ptm.Actors;

// The end of the other side, as a Task. The first look at HungUp parks one request in this
// handle's stream head (StreamHead.HangUpWatch), which answers it when it records the end; a
// handle nobody watches sends nothing and holds nothing.
public abstract partial class PtyHandle
{
    private Task? _hungUp;
    private object? _hungUpGate;

    /// <summary>
    /// Completes when the other side of the pty has gone, without polling:
    /// <list type="bullet">
    /// <item>On a subsidiary, at the hang-up: the manager closed or crashed (L14, L15, PD13). Reads
    /// then return what is left and 0, writes fail EIO; a terminal also records SIGHUP (M4.5).</item>
    /// <item>On a manager, when the subsidiary's end of file arrives: its last close (L12, L13), or
    /// its crash (PD13). What it wrote before is still read first, in order, then the 0 of L13.
    /// A manager whose subsidiary never opened waits for one to open and close; once the Task has
    /// completed it stays completed, even if a new subsidiary opens later (L11).</item>
    /// </list>
    /// It also completes when this handle's own side crashes (PD13): that side is gone too.
    /// </summary>
    /// <remarks>
    /// The Task is cancelled (awaiting it throws <see cref="TaskCanceledException"/>) when this handle
    /// is closed first, or when the <see cref="PtySystem"/> is disposed, including the hang-ups the
    /// disposal's own closes cause; it never stays pending after either. Each handle has its own
    /// Task, also when several share one subsidiary (L9); closing one cancels only its own.
    /// Continuations run on the thread pool, never inside an actor's turn. The first access sends
    /// one request to the side; handles whose HungUp nobody reads cost nothing.
    /// </remarks>
    public Task HungUp => LazyInitializer.EnsureInitialized(ref _hungUp, ref _hungUpGate, WatchHangUp);

    private Task WatchHangUp()
    {
        if (!File.IsUsable || System.IsDisposing) return Task.FromCanceled(new CancellationToken(canceled: true));
        var hungUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = new HangUpRequest(Who, File);
        request.Then = result => // as the request completes, not in a continuation: a settled deterministic run sees it done
        {
            if (IsHangUp(result)) hungUp.TrySetResult();
            else hungUp.TrySetCanceled();
        };
        try
        {
            Send(request, CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            return Task.FromCanceled(new CancellationToken(canceled: true)); // disposed since the check above
        }
        return hungUp.Task;
    }

    /// <summary>Ok: the head recorded the end. EIO: this side crashed or is gone (PD13). EBADF: closed first.</summary>
    private bool IsHangUp(SysResult result) =>
        (result.IsOk || result.Errno == Errno.EIO) && !System.IsDisposing;
}
