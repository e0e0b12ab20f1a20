using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Hosting.Logging; // LoggerFactorySetup: where an actor system keeps its ILoggerFactory
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ptm.Actors.Diagnostics;
using Serilog.Extensions.Logging;

namespace Ptm.Actors.Runtime;

/// <summary>
/// Where one PtySystem's logs go. Its own events (open, close, hang-up, crash: <see cref="PtyLog"/>)
/// go through a Microsoft.Extensions.Logging logger of category "Ptm.Actors". The events of an
/// actor system the PtySystem owns go through Akka.NET's loggers to the same place:
/// <list type="bullet">
/// <item>a Serilog logger: Akka.Logger.Serilog, routed per system (<see cref="SerilogRouting"/>),
/// and our own events through Serilog.Extensions.Logging's factory over that logger;</item>
/// <item>an ILoggerFactory: <see cref="LoggerFactoryForwarder"/>, which finds the factory in the
/// system's own setup (Akka.Hosting's LoggerFactorySetup, the same place an Akka.Hosting app
/// keeps its host's factory), so every system logs to its own factory with no global state.</item>
/// </list>
/// An attached PtySystem leaves the host system's logging alone and logs its own events only.
/// </summary>
internal sealed class PtyLogging : IDisposable
{
    private readonly IDisposable? _route;
    private readonly ILoggerFactory? _ownedFactory;

    private PtyLogging(ILogger logger, Config akkaConfig, Setup? akkaSetup, IDisposable? route = null, ILoggerFactory? ownedFactory = null)
    {
        Logger = logger;
        AkkaConfig = akkaConfig;
        AkkaSetup = akkaSetup;
        _route = route;
        _ownedFactory = ownedFactory;
    }

    /// <summary>Where the PtySystem's own events go.</summary>
    public ILogger Logger { get; }

    /// <summary>The Akka.NET logging configuration of an owned actor system.</summary>
    public Config AkkaConfig { get; }

    /// <summary>What an owned actor system's setup must carry for its loggers (null: nothing).</summary>
    public Setup? AkkaSetup { get; }

    /// <summary>Logs nothing, and an owned actor system logs nothing either.</summary>
    public static PtyLogging None => new(NullLogger.Instance, SerilogRouting.AkkaLogging(null), null);

    /// <summary>The owned actor system <paramref name="systemName"/> and our events log to <paramref name="logger"/> (null: nothing).</summary>
    public static PtyLogging ToSerilog(string systemName, Serilog.ILogger? logger)
    {
        if (logger is null) return None;
        var factory = new SerilogLoggerFactory(logger, dispose: false);
        return new PtyLogging(factory.CreateLogger(PtyLog.Category), SerilogRouting.AkkaLogging(logger), null, SerilogRouting.Route(systemName, logger), factory);
    }

    /// <summary>The owned actor system and our events log to <paramref name="factory"/>, at the levels it enables.</summary>
    public static PtyLogging ToFactory(ILoggerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new PtyLogging(factory.CreateLogger(PtyLog.Category), AkkaLogging(factory), new LoggerFactorySetup(factory));
    }

    /// <summary>
    /// An attached PtySystem's own events go to <paramref name="factory"/>, or else to the factory
    /// in the host system's setup (an Akka.Hosting app puts its host's there), or nowhere.
    /// </summary>
    public static PtyLogging Attached(ActorSystem system, ILoggerFactory? factory)
    {
        factory ??= system.Settings.Setup.Get<LoggerFactorySetup>() is { HasValue: true } setup ? setup.Value.LoggerFactory : null;
        return factory is null
            ? new PtyLogging(NullLogger.Instance, Config.Empty, null)
            : new PtyLogging(factory.CreateLogger(PtyLog.Category), Config.Empty, null);
    }

    /// <summary>Creates the owned actor system: <paramref name="config"/> over the logging configuration, with its setup.</summary>
    public ActorSystem CreateSystem(string name, Config config)
    {
        var bootstrap = BootstrapSetup.Create().WithConfig(config.WithFallback(AkkaConfig).WithFallback(PtyConfig.Reference));
        return AkkaSetup is { } setup ? ActorSystem.Create(name, bootstrap.And(setup)) : ActorSystem.Create(name, bootstrap);
    }

    public void Dispose()
    {
        _route?.Dispose();
        _ownedFactory?.Dispose();
    }

    /// <summary>Akka.NET's level follows what the factory enables for "Akka" (the forwarder's category for Akka.NET's own sources).</summary>
    private static Config AkkaLogging(ILoggerFactory factory)
    {
        var akka = factory.CreateLogger("Akka");
        var level = LevelOf(akka.IsEnabled(LogLevel.Debug), akka.IsEnabled(LogLevel.Information), akka.IsEnabled(LogLevel.Warning), akka.IsEnabled(LogLevel.Error));
        return AkkaLoggers(level, typeof(LoggerFactoryForwarder).FullName + ", Ptm.Actors");
    }

    /// <summary>Akka.NET's loglevel for a sink that lets through the levels given, most verbose first.</summary>
    internal static string LevelOf(bool debug, bool info, bool warning, bool error) =>
        debug ? "DEBUG" : info ? "INFO" : warning ? "WARNING" : error ? "ERROR" : "OFF";

    /// <summary>An actor system that logs through <paramref name="logger"/> (an Akka.NET logger actor's type) from <paramref name="level"/> up.</summary>
    internal static Config AkkaLoggers(string level, string logger, string? formatter = null) => ConfigurationFactory.ParseString($$"""
        akka {
          loggers = ["{{logger}}"]
          {{(formatter is null ? "" : $"logger-formatter = \"{formatter}\"")}}
          loggers-dispatcher = "akka.actor.internal-dispatcher"
          loglevel = {{level}}
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """);
}
