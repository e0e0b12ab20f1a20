using Serilog.Core;
using Serilog.Events;

namespace Ptm.Actors.Cli.Soak;

/// <summary>
/// Holds log events while the live display owns the terminal (Spectre.Console cannot share it
/// with other writers) and replays them afterwards. Bounded: beyond Capacity events are only
/// counted, and the replay says how many were dropped.
/// </summary>
internal sealed class DeferredLogSink(int capacity = DeferredLogSink.DefaultCapacity) : ILogEventSink
{
    public const int DefaultCapacity = 2000;

    private readonly object _gate = new();
    private readonly Queue<LogEvent> _held = new();
    private ILogEventSink? _target;
    private long _dropped;

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            if (_target is not null) _target.Emit(logEvent);
            else if (_held.Count < capacity) _held.Enqueue(logEvent);
            else _dropped++;
        }
    }

    /// <summary>Replays what was held into target and passes every later event straight through.</summary>
    public void Release(ILogEventSink target, Action<long>? reportDropped = null)
    {
        lock (_gate)
        {
            while (_held.TryDequeue(out var logEvent)) target.Emit(logEvent);
            if (_dropped > 0) reportDropped?.Invoke(_dropped);
            _target = target;
        }
    }
}
