using System.Collections.Concurrent;
using Akka.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Ptm.Actors.Runtime;

/// <summary>
/// Gives each PtySystem made by PtySystem.Create(options, logger) its own Serilog logger while
/// actor logging goes through Akka.Logger.Serilog, whose logger actor writes to Serilog's
/// global <see cref="Log.Logger"/>. The first such system puts a router there: an event whose
/// actor path names a routed actor system goes to that system's logger, anything else to the
/// global logger that was there before.
/// </summary>
internal static class SerilogRouting
{
    private static readonly ConcurrentDictionary<string, ILogger> s_bySystem = new();
    private static readonly object s_gate = new();
    private static ILogger? s_previous;

    /// <summary>The Akka.NET logging configuration for a system that logs to <paramref name="logger"/> (null: logs nothing).</summary>
    public static Config AkkaLogging(ILogger? logger)
    {
        if (logger is null)
            return ConfigurationFactory.ParseString("akka { loglevel = OFF, stdout-loglevel = OFF, log-dead-letters = off, log-dead-letters-during-shutdown = off }");
        var level = PtyLogging.LevelOf(logger.IsEnabled(LogEventLevel.Debug), logger.IsEnabled(LogEventLevel.Information),
            logger.IsEnabled(LogEventLevel.Warning), logger.IsEnabled(LogEventLevel.Error));
        return PtyLogging.AkkaLoggers(level, "Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog", "Akka.Logger.Serilog.SerilogLogMessageFormatter, Akka.Logger.Serilog");
    }

    /// <summary>Routes the events of actor system <paramref name="systemName"/> to <paramref name="logger"/> until disposed.</summary>
    public static IDisposable Route(string systemName, ILogger logger)
    {
        lock (s_gate)
        {
            if (s_previous is null)
            {
                s_previous = Log.Logger;
                Log.Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new Router()).CreateLogger();
            }
        }
        s_bySystem[systemName] = logger;
        return new Registration(systemName);
    }

    private sealed class Registration(string systemName) : IDisposable
    {
        public void Dispose() => s_bySystem.TryRemove(systemName, out _);
    }

    private sealed class Router : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            var target = SystemOf(logEvent) is { } name && s_bySystem.TryGetValue(name, out var routed) ? routed : s_previous;
            target?.Write(logEvent);
        }

        /// <summary>The actor system named in the event's actor path or log source ("akka://NAME/...").</summary>
        private static string? SystemOf(LogEvent logEvent)
        {
            foreach (var property in logEvent.Properties.Values)
            {
                if (property is not ScalarValue { Value: string text }) continue;
                var start = text.IndexOf("akka://", StringComparison.Ordinal);
                if (start < 0) continue;
                start += "akka://".Length;
                var end = text.IndexOfAny(['/', '@', ')'], start);
                return end < 0 ? text[start..] : text[start..end];
            }
            return null;
        }
    }
}
