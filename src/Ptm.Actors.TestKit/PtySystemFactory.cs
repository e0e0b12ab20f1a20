using Akka.Actor;
using Akka.Configuration;
using Ptm.Actors.Runtime;
using Serilog;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Builds the kit's own pty systems the way PtySystem.Create builds a standalone one (its own
/// actor system, logging routed to one Serilog logger, terminated on dispose) but with a
/// dispatcher and scheduler of the kit's choosing.
/// </summary>
internal static class PtySystemFactory
{
    private static int s_systems;

    /// <param name="prefix">The actor system's name before its number ("seeded", "faultable").</param>
    /// <param name="config">The kit's HOCON: the dispatcher <paramref name="dispatcherId"/> and anything else it needs.</param>
    public static PtySystem Start(string prefix, Config config, string dispatcherId, PtySystemOptions? options, ILogger? logger)
    {
        var name = $"{prefix}-{Interlocked.Increment(ref s_systems)}";
        var route = logger is null ? null : SerilogRouting.Route(name, logger);
        var system = ActorSystem.Create(name, config
            .WithFallback(SerilogRouting.AkkaLogging(logger))
            .WithFallback(PtyConfig.Reference));
        if (route is not null) system.RegisterOnTermination(route.Dispose);
        return PtySystem.Start(system, (options ?? new PtySystemOptions()) with { Dispatcher = dispatcherId }, ownsSystem: true, logger);
    }
}
