using Serilog.Core;
using Serilog.Events;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Keeps every log event from system start so tests query after the fact ("an error mentioning
/// X was logged") instead of racing a filter installed too late (akka.net#2240).
/// </summary>
public sealed class InMemoryLogSink : ILogEventSink
{
    private readonly List<LogEvent> _events = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_events) _events.Add(logEvent);
    }

    public IReadOnlyList<LogEvent> Events
    {
        get { lock (_events) return _events.ToArray(); }
    }
}
