using System.Globalization;
using Akka.Event;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using LogEvent = Serilog.Events.LogEvent;

namespace Ptm.Actors.Tests.Diagnostics;

/// <summary>
/// A PtySystem created with a Serilog logger, as before the ILoggerFactory overload: the actor
/// system's events still arrive through Akka.Logger.Serilog, and the subsystem's own Debug events
/// arrive too, as structured Serilog events of source context "Ptm.Actors".
/// </summary>
public class SerilogLoggingTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20); // a safety net against hangs, never a barrier

    [Fact]
    public async Task A_serilog_logger_gets_the_subsystems_events_with_the_minor_as_a_property()
    {
        var log = new CollectingSink();
        await using var ptys = PtySystem.Create(new PtySystemOptions(), log.Logger);
        int minor;
        await using (var manager = await ptys.OpenManagerAsync().WaitAsync(Safety))
            minor = manager.Minor;
        await ptys.WhenIdleAsync();

        var opened = Assert.Single(log.Events, e => e.MessageTemplate.Text == "pty {Minor} ({PtySystem}): {Side} opened");
        Assert.Equal(LogEventLevel.Debug, opened.Level);
        Assert.Equal("\"Ptm.Actors\"", opened.Properties[Constants.SourceContextPropertyName].ToString());
        Assert.Equal(minor.ToString(CultureInfo.InvariantCulture), opened.Properties["Minor"].ToString());
        Assert.Contains(log.Events, e => e.MessageTemplate.Text == "pty {Minor} ({PtySystem}): {Side} closed");
    }

    [Fact]
    public async Task A_serilog_logger_still_gets_the_actor_systems_events_and_only_its_own_systems()
    {
        var (first, second) = (new CollectingSink(), new CollectingSink());
        await using var firstPtys = PtySystem.Create(null, first.Logger);
        await using var secondPtys = PtySystem.Create(null, second.Logger);
        var (firstMarker, secondMarker) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));

        var firstSeen = first.WaitFor(firstMarker);
        var secondSeen = second.WaitFor(secondMarker);
        Logging.GetLogger(firstPtys.ActorSystem, "host").Warning("marker {0}", firstMarker);
        Logging.GetLogger(secondPtys.ActorSystem, "host").Warning("marker {0}", secondMarker);
        await Task.WhenAll(firstSeen, secondSeen).WaitAsync(Safety);
        await using (await firstPtys.OpenManagerAsync().WaitAsync(Safety)) { }
        await firstPtys.WhenIdleAsync();

        Assert.DoesNotContain(first.Events, e => e.RenderMessage(CultureInfo.InvariantCulture).Contains(secondMarker, StringComparison.Ordinal));
        Assert.DoesNotContain(second.Events, e => e.RenderMessage(CultureInfo.InvariantCulture).Contains(firstMarker, StringComparison.Ordinal));
        Assert.Contains(first.Events, e => e.MessageTemplate.Text.EndsWith("opened", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Events, e => e.MessageTemplate.Text.EndsWith("opened", StringComparison.Ordinal));
    }

    /// <summary>A Serilog logger at Debug that keeps its events and lets a test wait for a text.</summary>
    private sealed class CollectingSink : ILogEventSink
    {
        private readonly object _gate = new();
        private readonly List<LogEvent> _events = [];
        private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

        public CollectingSink() => Logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(this).CreateLogger();

        public Serilog.ILogger Logger { get; }

        public IReadOnlyList<LogEvent> Events
        {
            get { lock (_gate) return [.. _events]; }
        }

        public Task WaitFor(string text)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate) _waits.Add((text, seen));
            return seen.Task;
        }

        public void Emit(LogEvent logEvent)
        {
            var rendered = logEvent.RenderMessage(CultureInfo.InvariantCulture);
            lock (_gate)
            {
                _events.Add(logEvent);
                foreach (var (text, seen) in _waits)
                    if (rendered.Contains(text, StringComparison.Ordinal)) seen.TrySetResult();
            }
        }
    }
}
