using System.Collections.Immutable;
using System.Threading.Channels;

namespace Ptm.Actors;

/// <summary>
/// Delivers what one handle's stream head records (M4.5) to that handle's event handlers and
/// signal streams. While anyone listens, one pump takes the recorded signals and fans them out
/// in order; it stops when the last listener leaves or the handle closes.
/// </summary>
/// <remarks>
/// The pump's take waits in the stream head until a signal is recorded (PosixApi.WaitSignalsAsync),
/// so a signal reaches the listeners as soon as it is recorded, whoever caused it, and nothing
/// polls. The take fails EBADF when the side closes, which ends the streams.
/// </remarks>
internal sealed class SignalFeed(PtyHandle handle)
{
    private readonly Lock _gate = new();
    private EventHandler<SignalEventArgs>? _handlers;
    private ImmutableArray<Channel<Signal>> _readers = [];
    private CancellationTokenSource? _pump;
    private bool _ended;

    public void Add(EventHandler<SignalEventArgs>? handler)
    {
        if (handler is null) return;
        lock (_gate)
        {
            _handlers += handler;
            StartOrStop();
        }
    }

    public void Remove(EventHandler<SignalEventArgs>? handler)
    {
        if (handler is null) return;
        lock (_gate)
        {
            _handlers -= handler;
            StartOrStop();
        }
    }

    /// <summary>A new stream's own queue; it is complete at once if the handle is already closed.</summary>
    public Channel<Signal> Subscribe()
    {
        var channel = Channel.CreateUnbounded<Signal>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        lock (_gate)
        {
            if (_ended) channel.Writer.TryComplete();
            else _readers = _readers.Add(channel);
            StartOrStop();
        }
        return channel;
    }

    public void Unsubscribe(Channel<Signal> channel)
    {
        lock (_gate)
        {
            _readers = _readers.Remove(channel);
            StartOrStop();
        }
    }

    private void StartOrStop()
    {
        var listened = _handlers is not null || !_readers.IsEmpty;
        if (listened && _pump is null && !_ended)
        {
            _pump = new CancellationTokenSource();
            _ = PumpAsync(_pump.Token);
        }
        else if (!listened && _pump is not null)
        {
            _pump.Cancel();
            _pump = null;
        }
    }

    private async Task PumpAsync(CancellationToken stop)
    {
        await Task.Yield(); // never run the first take inside Add or Subscribe, under the lock
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var (result, signals) = await handle.Signals(wait: true, handle.Who, stop).ConfigureAwait(false);
                if (!result.IsOk)
                {
                    if (!stop.IsCancellationRequested) End(); // EBADF: the handle closed, no more signals can come
                    return; // EINTR: the last listener left; a new one starts a new pump
                }
                foreach (var signal in signals) Deliver(signal);
            }
        }
        catch (ObjectDisposedException)
        {
            End(); // the PtySystem was disposed
        }
    }

    private void Deliver(Signal signal)
    {
        EventHandler<SignalEventArgs>? handlers;
        ImmutableArray<Channel<Signal>> readers;
        lock (_gate) (handlers, readers) = (_handlers, _readers);
        foreach (var reader in readers) reader.Writer.TryWrite(signal);
        if (handlers is null) return;
        var args = new SignalEventArgs(signal);
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<SignalEventArgs>>())
        {
            try
            {
                handler(handle, args);
            }
            catch (Exception exception)
            {
                Diagnostics.PtyLog.SignalHandlerFailed(handle.System.Log, exception, signal, handle.Descriptor);
            }
        }
    }

    private void End()
    {
        lock (_gate)
        {
            _ended = true;
            foreach (var reader in _readers) reader.Writer.TryComplete();
            _pump = null;
        }
    }
}
