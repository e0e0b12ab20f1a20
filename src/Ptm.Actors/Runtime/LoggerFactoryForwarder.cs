using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;
using Akka.Hosting.Logging;
using Microsoft.Extensions.Logging;
using AkkaLogLevel = Akka.Event.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Ptm.Actors.Runtime;

/// <summary>
/// Akka.NET's logger actor (<c>akka.loggers</c>) for an actor system PtySystem.Create made with an
/// ILoggerFactory: every event of the system goes to that factory, found in the system's own
/// setup (<see cref="LoggerFactorySetup"/>), so each system writes to its own factory. Akka.Hosting
/// has a logger like it, which writes every event under one category with Akka.NET's own
/// "[LEVEL][time][thread][source]" prefix; here the category is the class that logged (the
/// actor's type, "Akka" for a named source) and the message is the source and the text, so a
/// host's filters ("Akka": Warning, "Ptm.Actors.Pty": Debug) and formatters work as usual.
/// </summary>
internal sealed class LoggerFactoryForwarder : ActorBase, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    private readonly ILoggerFactory _factory;
    private readonly Dictionary<Type, ILogger> _byClass = new();

    public LoggerFactoryForwarder()
    {
        var setup = Context.System.Settings.Setup.Get<LoggerFactorySetup>();
        _factory = setup.HasValue ? setup.Value.LoggerFactory : throw new InvalidOperationException("the actor system's setup has no LoggerFactorySetup to log to");
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InitializeLogger:
                Sender.Tell(new LoggerInitialized());
                return true;
            case LogEvent logEvent:
                LoggerFor(logEvent.LogClass).Log(LevelOf(logEvent.LogLevel()), default, logEvent, logEvent.Cause, static (e, _) => $"{e.LogSource}: {e.Message}");
                return true;
            default:
                return false;
        }
    }

    private ILogger LoggerFor(Type? logClass)
    {
        var key = logClass ?? typeof(DummyClassForStringSources);
        if (!_byClass.TryGetValue(key, out var logger))
            _byClass[key] = logger = _factory.CreateLogger(key == typeof(DummyClassForStringSources) ? "Akka" : key.FullName ?? key.Name);
        return logger;
    }

    private static LogLevel LevelOf(AkkaLogLevel level) => level switch
    {
        AkkaLogLevel.DebugLevel => LogLevel.Debug,
        AkkaLogLevel.InfoLevel => LogLevel.Information,
        AkkaLogLevel.WarningLevel => LogLevel.Warning,
        _ => LogLevel.Error,
    };
}
