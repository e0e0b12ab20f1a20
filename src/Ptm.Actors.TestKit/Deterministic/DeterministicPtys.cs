using Akka.Actor;
using Akka.Configuration;
using Ptm.Actors.Runtime;
using Ptm.Actors.TestKit.Timing;
using Serilog;

namespace Ptm.Actors.TestKit.Deterministic;

/// <summary>
/// Pty systems whose actors interleave as a seed says: the same seed gives the same interleaving
/// and the same trace, so a failing seed is a one-line reproduction. Nothing runs until the
/// caller drives it: <see cref="RunUntilIdle"/>, or the PtySystem's WhenIdleAsync, runs the
/// queued actor turns on the calling thread, one message at a time. Seeded systems run on
/// virtual time (<c>ptys.Clock()</c>, <see cref="VirtualTime"/>): a drive fires the timers due
/// now on its thread, and only advancing the clock makes later ones due. Their actors'
/// mailboxes are faultable (<see cref="Faults.FaultInjector"/>). Calls complete their Tasks
/// with asynchronous continuations, so a test starts calls, drives the system, then reads the
/// results. Disposing the PtySystem terminates its actor system.
/// </summary>
public static class DeterministicPtys
{
    /// <summary>The seeded dispatcher's id in the actor system's configuration.</summary>
    public const string DispatcherId = "ptm.seeded-dispatcher";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A pty system on a seeded dispatcher of its own actor system.</summary>
    /// <param name="seed">Chooses the interleaving.</param>
    /// <param name="options">The pty tunables (the dispatcher is always the seeded one).</param>
    /// <param name="logger">Where the actor system logs through Akka.Logger.Serilog; none: it logs nothing.</param>
    /// <param name="recordTrace">Keep every run's "actor:MessageType" (costs memory on long runs).</param>
    public static PtySystem Create(int seed, PtySystemOptions? options = null, ILogger? logger = null, bool recordTrace = true)
    {
        var config = SeededConfig(seed, recordTrace).WithFallback(VirtualScheduler.ConfigFor(clock: null, dueNowOnThreadPool: false));
        var ptys = PtySystem.CreateOwned("seeded", config, (options ?? new PtySystemOptions()) with { Dispatcher = DispatcherId }, logger);
        var driver = DriverOf(ptys);
        AwaitStarted(ptys.CloneActor, driver);
        driver.RunUntilIdle(); // the root actor's start, so the first call meets a running Clone
        return ptys;
    }

    /// <summary>Runs the queued actor turns on this thread, as the seed picks them, and the timers due now, until neither is left; returns how many turns ran.</summary>
    public static int RunUntilIdle(this PtySystem ptys) => DriverOf(ptys).RunUntilIdle();

    /// <summary>The seed a deterministic pty system runs with.</summary>
    public static int SeedOf(PtySystem ptys) => DriverOf(ptys).Seed;

    /// <summary>Every turn run so far, "actor" or "actor:MessageType", in order (empty unless recorded).</summary>
    public static IReadOnlyList<string> Trace(this PtySystem ptys) => DriverOf(ptys).Trace;

    /// <summary>How many turns the trace holds (cheaper than copying it).</summary>
    public static int TraceCount(this PtySystem ptys) => DriverOf(ptys).TraceCount;

    /// <summary>Runs that reached the seeded queue from another thread while it was driven (each is a harness bug).</summary>
    public static IReadOnlyList<string> SeedingViolations(this PtySystem ptys) => DriverOf(ptys).Violations;

    internal static SeededDriver DriverOf(PtySystem ptys) =>
        DispatcherDrivers.For(ptys.ActorSystem, ptys.Options.Dispatcher) as SeededDriver
        ?? throw new InvalidOperationException("This pty system does not run on a seeded dispatcher: create it with DeterministicPtys.Create.");

    /// <summary>
    /// One user message a run (throughput 1 plus a throughput deadline: Akka.NET's mailbox then
    /// stops after the first message), so the seed chooses at every message.
    /// </summary>
    internal static Config SeededConfig(int seed, bool recordTrace) => ConfigurationFactory.ParseString($$"""
        {{DispatcherId}} {
          type = Dispatcher
          executor = "Ptm.Actors.TestKit.Deterministic.SeededExecutorConfigurator, Ptm.Actors.TestKit"
          seed = {{seed}}
          record-trace = {{(recordTrace ? "on" : "off")}}
          throughput = 1
          throughput-deadline-time = 1ms
          mailbox-type = "Ptm.Actors.TestKit.Faults.FaultableMailbox, Ptm.Actors.TestKit"
        }
        """);

    /// <summary>
    /// A top-level actor is started by Akka's /user guardian on the guardian's thread: wait
    /// (bounded) until it has been pointed at its cell and its start is queued, so nothing of
    /// the start-up reaches the seeded queue once the test drives it.
    /// </summary>
    private static void AwaitStarted(IActorRef root, SeededDriver driver)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        var spin = new SpinWait();
        while (root is RepointableActorRef { IsStarted: false })
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the seeded system's root actor did not start within {StartTimeout.TotalSeconds:0} s");
            spin.SpinOnce();
        }
        driver.AwaitFirstRun(StartTimeout);
    }
}
