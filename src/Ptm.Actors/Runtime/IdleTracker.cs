namespace Ptm.Actors.Runtime;

/// <summary>
/// Counts mailbox runs of one dispatcher that are queued or running, plus resumed callers still
/// on their way. The dispatcher is idle when that count is zero; <see cref="WhenIdleAsync"/>
/// completes at such a moment. A mailbox re-registers itself (Akka's Mailbox.Run ends with
/// RegisterForExecution) before its run leaves the count, so a chain of messages never looks idle.
///
/// Leaving the count happens on every run, so <see cref="Exit"/> must not take the lock when
/// nobody waits. That is a Dekker handshake: the last run leaving decrements the count (a full
/// fence) and then reads the number of waiters; a waiter registers (a full fence) and then reads
/// the count again. At least one of them sees the other, so a waiter is never left behind;
/// completing a waiter twice is harmless.
/// </summary>
internal sealed class IdleTracker
{
    private readonly object _gate = new();
    private List<TaskCompletionSource>? _waiters;
    private int _busy;
    private int _waiting; // written only under _gate; read without it by Exit's fast path

    public bool IsIdle => Volatile.Read(ref _busy) == 0;

    public void Enter() => Interlocked.Increment(ref _busy);

    public void Exit()
    {
        if (Interlocked.Decrement(ref _busy) == 0) Check();
    }

    private void Check()
    {
        if (Volatile.Read(ref _waiting) == 0) return;
        List<TaskCompletionSource>? done;
        lock (_gate)
        {
            if (_waiters is null || !IsIdle) return;
            done = TakeWaiters();
        }
        foreach (var waiter in done) waiter.TrySetResult();
    }

    public Task WhenIdleAsync()
    {
        List<TaskCompletionSource> done;
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (IsIdle) return Task.CompletedTask;
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (_waiters ??= new List<TaskCompletionSource>()).Add(waiter);
            Interlocked.Increment(ref _waiting); // published (full fence) before idleness is read again
            if (!IsIdle) return waiter.Task;
            // The last run left between the first look and the registration and may have seen no
            // waiter: this thread completes them instead.
            done = TakeWaiters();
        }
        foreach (var ready in done) ready.TrySetResult();
        return waiter.Task;
    }

    private List<TaskCompletionSource> TakeWaiters()
    {
        var waiters = _waiters!;
        _waiters = null;
        Volatile.Write(ref _waiting, 0);
        return waiters;
    }
}
