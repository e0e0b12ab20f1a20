namespace Ptm.Actors;

/// <summary>
/// Tells signal observers (<see cref="SignalFeed"/>) that a handle call which can make a signal
/// has ended somewhere in the system. Costs one read of a field when nobody observes.
/// </summary>
internal sealed class SignalActivity
{
    private TaskCompletionSource? _next;

    /// <summary>Completes when the next call ends (after this one was asked for).</summary>
    public Task NextCall()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref _next, fresh, null) ?? fresh).Task;
    }

    public void Pulse()
    {
        if (Volatile.Read(ref _next) is null) return;
        Interlocked.Exchange(ref _next, null)?.TrySetResult();
    }
}
