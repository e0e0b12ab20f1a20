using System.Runtime.CompilerServices;

namespace Ptm.Actors;

// The signals a handle's stream head records (M4.5): ldterm's ISIG characters, ptem's SIGWINCH
// and TIOCSIGNAL, SIGHUP at the hang-up of a terminal. There is no process model: the host
// observes them here instead of a process receiving them.
public abstract partial class PtyHandle
{
    private SignalFeed? _signals;

    private SignalFeed Feed => LazyInitializer.EnsureInitialized(ref _signals, () => new SignalFeed(this));

    /// <summary>
    /// Raised for each signal this handle's stream head records, oldest first (M4.5). Handlers
    /// run on a thread-pool thread, one at a time, never inside an actor's turn. Signals recorded
    /// before the first handler was added are delivered to it too; a handler that throws is
    /// logged to <see cref="PtySystem.Log"/> and the others still run.
    /// </summary>
    /// <remarks>
    /// The stream head records signals per stream: when several handles share one subsidiary
    /// (L9) and each is observed, each signal reaches one of them.
    /// </remarks>
    public event EventHandler<SignalEventArgs>? SignalReceived
    {
        add => Feed.Add(value);
        remove => Feed.Remove(value);
    }

    /// <summary>
    /// The signals this handle's stream head records, oldest first, as they are recorded (M4.5),
    /// starting with any recorded and not yet observed. The sequence ends when the handle is
    /// closed; cancelling <paramref name="cancellationToken"/> ends the enumeration with an
    /// <see cref="OperationCanceledException"/>. Several enumerations each see every signal.
    /// </summary>
    public async IAsyncEnumerable<Signal> SignalsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = Feed.Subscribe();
        try
        {
            while (await reader.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                while (reader.Reader.TryRead(out var signal))
                    yield return signal;
        }
        finally
        {
            Feed.Unsubscribe(reader);
        }
    }
}

/// <summary>A signal a stream head recorded (M4.5), as <see cref="PtyHandle.SignalReceived"/> reports it.</summary>
public sealed class SignalEventArgs(Signal signal) : EventArgs
{
    /// <summary>The signal, by its illumos number.</summary>
    public Signal Signal { get; } = signal;
}
