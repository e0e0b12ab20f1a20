using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Ptm.Actors.TestKit.Soak.Workload;

/// <summary>
/// The logger a soak run gives its pty system (PtySystem.Create and DeterministicPtys.Create
/// route the actor system's Akka.Logger.Serilog events to it): the pty actors' events (an
/// unexpected failure at Error) go on to the run's logger, their actor path as the
/// <see cref="SourceProperty"/> the console line starts with, and so do the subsystem's own PD13
/// crashes at Debug (category "Ptm.Actors"). Akka.NET's own start-up and shutdown chatter below
/// Warning stays out of the run's log, and so do the subsystem's Debug events of every open,
/// close and hang-up, which would outnumber everything else a thousand to one.
/// </summary>
internal static class PtySystemLog
{
    /// <summary>"akka://system/user/actor: ", on events that came from an actor.</summary>
    public const string SourceProperty = "ActorSource";

    // Akka.Logger.Serilog's names for where an event came from.
    private const string LogSource = "LogSource";
    private const string SourceContext = "SourceContext";

    /// <summary>The pty system's logger writing to <paramref name="run"/>; null when the run logs nothing (the actor system then logs nothing either).</summary>
    public static ILogger? For(ILogger run)
    {
        ArgumentNullException.ThrowIfNull(run);
        // Akka.NET's log level follows what the logger lets through, so the same level as the run's.
        LogEventLevel? level = null;
        for (var candidate = LogEventLevel.Fatal; candidate >= LogEventLevel.Verbose && run.IsEnabled(candidate); candidate--) level = candidate;
        if (level is not { } minimum) return null;
        return new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .Filter.ByExcluding(IsAkkaChatter)
            .Filter.ByExcluding(IsPtyChatter)
            .Enrich.With(new ActorSourceEnricher())
            .WriteTo.Logger(run)
            .CreateLogger();
    }

    private static bool IsAkkaChatter(LogEvent logEvent) =>
        logEvent.Level < LogEventLevel.Warning
        && logEvent.Properties.TryGetValue(SourceContext, out var context)
        && context is ScalarValue { Value: string name }
        && name.StartsWith("Akka.", StringComparison.Ordinal);

    /// <summary>The subsystem's own events below Warning other than a crash (only its crash message has a Crash property).</summary>
    private static bool IsPtyChatter(LogEvent logEvent) =>
        logEvent.Level < LogEventLevel.Warning
        && logEvent.Properties.TryGetValue(SourceContext, out var context)
        && context is ScalarValue { Value: "Ptm.Actors" }
        && !logEvent.Properties.ContainsKey("Crash");

    private sealed class ActorSourceEnricher : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
        {
            if (logEvent.Properties.TryGetValue(LogSource, out var source) && source is ScalarValue { Value: string path })
                logEvent.AddPropertyIfAbsent(factory.CreateProperty(SourceProperty, path + ": "));
        }
    }
}
