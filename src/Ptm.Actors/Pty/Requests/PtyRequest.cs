using Akka.Actor;
using Akka.Event;

namespace Ptm.Actors.Pty;

/// <summary>
/// One host call travelling to an actor. The actor completes it (possibly much later, for a
/// blocked read or write); its Task is what the caller awaits. Completion and cancellation both
/// claim the request first, so an actor never writes into a read buffer whose call has already
/// returned. If the target actor is gone, the request reaches dead letters, where the PtySystem
/// completes it with <see cref="WhenSideIsGone"/> (a crashed side fails calls EIO, PD13).
/// </summary>
internal abstract class PtyRequest : TaskCompletionSource<SysResult>, IDeadLetterSuppression, IThreadPoolWorkItem
{
    private readonly CallCompletion _completion;
    private int _claimed;
    private CancellationTokenRegistration _cancellation;
    private SysResult _result;

    private protected PtyRequest(Credentials who, OpenFile file)
        : this(who, file, file.Completion)
    {
    }

    private protected PtyRequest(Credentials who, OpenFile? file, CallCompletion completion)
        : base(completion.TaskOptions)
    {
        Who = who;
        File = file;
        _completion = completion;
    }

    public Credentials Who { get; }

    /// <summary>The PtySystem's completion policy, which also says whose request this is.</summary>
    internal CallCompletion Completion => _completion;
    public OpenFile? File { get; }
    public bool IsDone => Volatile.Read(ref _claimed) != 0;
    public bool IsNonBlocking => File?.IsNonBlocking ?? false;

    /// <summary>The result when this request can no longer reach its side (the actor stopped).</summary>
    public virtual SysResult WhenSideIsGone => SysResult.Fail(Errno.EIO);

    public bool Complete(SysResult result)
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0) return false;
        CompleteClaimed(result);
        return true;
    }

    public bool Complete(long value) => Complete(SysResult.Ok(value));

    public bool Fail(Errno errno) => Complete(SysResult.Fail(errno));

    /// <summary>A cancelled call returns EINTR, like a blocking call interrupted by a signal.</summary>
    internal void CancelWith(CancellationToken token)
    {
        if (token.CanBeCanceled)
            _cancellation = token.Register(static state => ((PtyRequest)state!).OnCancelled(), this);
    }

    protected virtual void OnCancelled() => Fail(Errno.EINTR);

    /// <summary>Claims the request for an actor that will write into caller-owned memory before completing it.</summary>
    internal bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

    /// <summary>Completes a request claimed with <see cref="TryClaim"/>.</summary>
    internal void CompleteClaimed(SysResult result)
    {
        _cancellation.Dispose();
        _result = result;
        if (!result.IsOk) _completion.Diagnostics.Error(result.Errno); // ptm.errors: one place sees every failed call that reached the system
        OnCompleting(result);
        _completion.Complete(this);
    }

    /// <summary>Runs on the completing thread once the result is final, before the caller can see it.</summary>
    private protected virtual void OnCompleting(in SysResult result)
    {
    }

    /// <summary>Completes the Task with the claimed result (now, or after the actor's turn: <see cref="CallCompletion"/>).</summary>
    internal void SetResultNow()
    {
        TrySetResult(_result);
        Then?.Invoke(_result);
    }

    /// <summary>A result derived from this one (an ioctl's copied-out data), set the moment this request's Task completes.</summary>
    internal Action<SysResult>? Then { get; set; }

    void IThreadPoolWorkItem.Execute() => SetResultNow();
}
