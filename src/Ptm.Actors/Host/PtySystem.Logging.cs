using Akka.Actor;
using Akka.Configuration;
using Microsoft.Extensions.Logging;
using Ptm.Actors.Diagnostics;
using Ptm.Actors.Runtime;

namespace Ptm.Actors;

/// <summary>Logging and metrics: PtySystems that log to a Microsoft.Extensions.Logging factory, and the name measurements carry.</summary>
public sealed partial class PtySystem
{
    /// <summary>
    /// A pty subsystem on an actor system of its own (named <c>ptys-N</c>), which DisposeAsync
    /// terminates, logging to <paramref name="loggerFactory"/>: the subsystem's own events under
    /// the category "Ptm.Actors" (opens, closes, hang-ups and crashes at Debug, with the minor),
    /// and the actor system's events under "Akka.Actor.ActorSystem", through Akka.Hosting's
    /// LoggerFactoryLogger, from the lowest level the factory enables for that category.
    /// </summary>
    public static PtySystem Create(PtySystemOptions? options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return CreateOwned("ptys", Config.Empty, options ?? new PtySystemOptions(), loggerFactory);
    }

    /// <summary>
    /// A pty subsystem inside a host's actor system, as <see cref="Attach(ActorSystem, PtySystemOptions?)"/>,
    /// whose own events log to <paramref name="loggerFactory"/> (category "Ptm.Actors"). The host
    /// system's logging is left as it is.
    /// </summary>
    public static PtySystem Attach(ActorSystem system, PtySystemOptions? options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return Attached(system, options, loggerFactory);
    }

    /// <summary>
    /// What this subsystem is called in its measurements (the <c>ptm.system</c> tag of every
    /// instrument of the "Ptm.Actors" Meter) and in its log messages: the actor system's name and
    /// the Clone actor's, such as <c>ptys-1/ptys-1</c>, so several in one process can be told apart.
    /// </summary>
    public string Name => Diagnostics.Name;

    /// <summary>The logger and measurement tags the actors of this subsystem use.</summary>
    internal PtyDiagnostics Diagnostics { get; }

    /// <summary>A PtySystem on an actor system of its own, as <see cref="CreateOwned(string, Config, PtySystemOptions, Serilog.ILogger?)"/>, logging to <paramref name="loggerFactory"/>.</summary>
    internal static PtySystem CreateOwned(string prefix, Config config, PtySystemOptions options, ILoggerFactory loggerFactory) =>
        CreateOwned(prefix, config, options, _ => PtyLogging.ToFactory(loggerFactory));

    /// <summary>Names the actor system, makes its logging (which may route by that name), then the system over <paramref name="config"/>.</summary>
    private static PtySystem CreateOwned(string prefix, Config config, PtySystemOptions options, Func<string, PtyLogging> logging)
    {
        options.Validate();
        var name = prefix + "-" + Interlocked.Increment(ref s_systems);
        var log = logging(name);
        try
        {
            return new PtySystem(log.CreateSystem(name, config), options, ownsSystem: true, log);
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    private static PtySystem Attached(ActorSystem system, PtySystemOptions? options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= new PtySystemOptions();
        options.Validate();
        return new PtySystem(system, options, ownsSystem: false, PtyLogging.Attached(system, loggerFactory));
    }
}
