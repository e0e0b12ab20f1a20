using Akka.Configuration;
using Ptm.Actors.TestKit.Timing;
using Serilog;

namespace Ptm.Actors.TestKit.Faults;

/// <summary>
/// Pty systems on the ThreadPool, as PtySystem.Create makes them (the product's chaining
/// executor), whose actors' mailboxes are the kit's faultable ones, so a
/// <see cref="FaultInjector"/> on <c>ptys.ActorSystem</c> can hold, slow down or fail them (the
/// Clone actor is <see cref="PtyFaults.CloneActorOf"/>). Disposing the PtySystem terminates its actor system.
/// </summary>
public static class FaultablePtys
{
    /// <summary>The dispatcher the pty actors run on, in the actor system's configuration.</summary>
    public const string DispatcherId = "ptm.faultable-dispatcher";

    /// <summary>A thread-pool pty system whose actors faults can reach.</summary>
    /// <param name="options">The pty tunables (the dispatcher is always <see cref="DispatcherId"/>).</param>
    /// <param name="logger">Where the actor system logs through Akka.Logger.Serilog; none: it logs nothing.</param>
    /// <param name="clock">
    /// Run the actor system's scheduler on this virtual clock (<c>ptys.Clock()</c> returns it):
    /// timers fire when it is advanced, on the advancing thread; a timer armed with no delay runs
    /// at once on the ThreadPool. None: Akka.NET's real-time scheduler.
    /// </param>
    public static PtySystem Create(PtySystemOptions? options = null, ILogger? logger = null, VirtualClock? clock = null)
    {
        var config = clock is null ? Config : Config.WithFallback(VirtualScheduler.ConfigFor(clock, dueNowOnThreadPool: true));
        return PtySystem.CreateOwned("faultable", config, (options ?? new PtySystemOptions()) with { Dispatcher = DispatcherId }, logger);
    }

    /// <summary>The product's dispatcher (reference.conf's ptm.dispatcher) with the faultable mailbox.</summary>
    private static Config Config => ConfigurationFactory.ParseString($$"""
        {{DispatcherId}} {
          type = Dispatcher
          executor = "Ptm.Actors.Runtime.ChainingExecutorConfigurator, Ptm.Actors"
          throughput = 64
          mailbox-type = "Ptm.Actors.TestKit.Faults.FaultableMailbox, Ptm.Actors.TestKit"
        }
        """);
}
