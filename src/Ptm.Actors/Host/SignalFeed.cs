using System.Collections.Immutable;
using System.Threading.Channels;

namespace Ptm.Actors;

/// <summary>
/// Delivers what one handle's stream head records (M4.5) to that handle's event handlers and
/// signal streams. While anyone listens, one pump takes the recorded signals and fans them out
/// in order; it stops when the last listener leaves or the handle closes.
/// </summary>
/// <remarks>
/// The stream head keeps signals until they are taken (PosixApi.TakeSignals) and has no way yet
/// to answer a take only once a signal is recorded. Until it has, the pump takes after each
/// handle call that can make a signal on any pty of the system (a write, an ioctl, a close:
/// <see cref="SignalActivity"/>), once the system is idle, so what that call set off has
/// reached the stream heads. No timer is involved: a signal set off by a call made through
/// <see cref="PosixApi"/> directly is seen at the next handle call.
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
        var system = handle.System;
        var called = system.SignalActivity.NextCall(); // before anything can run: a call ending while the pump starts counts
        await Task.Yield(); // never run the first take inside Add or Subscribe, under the lock
        try
        {
            while (true)
            {
                await system.WhenIdleAsync().WaitAsync(stop).ConfigureAwait(false); // what the last call set off has reached the heads
                if (handle.IsClosed) break;
                var (result, signals) = await system.Posix.TakeSignals(handle.Descriptor, handle.Who).ConfigureAwait(false);
                if (!result.IsOk) break;
                foreach (var signal in signals) Deliver(signal);
                if (signals.Count > 0) continue;
                await Task.WhenAny(called, system.ActorSystem.WhenTerminated).WaitAsync(stop).ConfigureAwait(false);
                called = system.SignalActivity.NextCall(); // before the take, so a call ending during it is not missed
                system.ThrowIfDisposed();
            }
            End(); // the handle is closed: no more signals can come
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The last listener left; a new one starts a new pump.
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
                handle.System.Log.Error(exception, "A SignalReceived handler failed on {Signal} for descriptor {Descriptor}", signal, handle.Descriptor);
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
