namespace Ptm.Actors.Kernel.Dispatch;

/// <summary>
/// Counts mailboxes that are scheduled or running. The system is idle when that count is zero
/// and no timer is due now; <see cref="WhenIdleAsync"/> completes at such a moment. A mailbox
/// re-schedules itself before it leaves the count, so a chain of messages never looks idle.
/// </summary>
internal sealed class IdleTracker(Func<bool> anyTimerDue)
{
    private readonly object _gate = new();
    private List<TaskCompletionSource>? _waiters;
    private int _busy;

    public bool IsIdle => Volatile.Read(ref _busy) == 0 && !anyTimerDue();

    public void Enter() => Interlocked.Increment(ref _busy);

    public void Exit()
    {
        if (Interlocked.Decrement(ref _busy) == 0) Check();
    }

    /// <summary>Re-evaluates idleness (after a timer fired into a dead mailbox, for example).</summary>
    public void Check()
    {
        List<TaskCompletionSource>? done = null;
        lock (_gate)
        {
            if (_waiters is null || !IsIdle) return;
            done = _waiters;
            _waiters = null;
        }
        foreach (var waiter in done) waiter.TrySetResult();
    }

    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (IsIdle) return Task.CompletedTask;
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (_waiters ??= new List<TaskCompletionSource>()).Add(waiter);
            return waiter.Task;
        }
    }
}
