using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Ptm.Actors.Runtime;
using Ptm.Actors.TestKit.Deterministic;
using Ptm.Actors.TestKit.Timing;

namespace Ptm.Actors.Tests.Support;

/// <summary>
/// One Akka.NET actor system for a whole sweep of seeds, with a seeded dispatcher per seed: the
/// settings DeterministicPtys gives its one dispatcher, under the id ptm.seeded-N. Each seed's
/// PtySystem attaches to it on its own dispatcher (so its own SeededDriver and Random), runs
/// alone, and is stopped in the seeded order before the next starts, so no Clone ever sees
/// another's dead letters. An actor system costs milliseconds to create and terminate, several
/// times what a race scenario costs: a thousand of them per race made the sweeps most of the
/// suite's time. (The TestKit could offer this: DeterministicPtys.Create on a given system.)
/// </summary>
internal sealed class SweepSystem : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30); // a safety net against hangs, never a barrier
    private static int s_systems;

    public SweepSystem(int firstSeed, int count, bool recordTrace)
    {
        var dispatchers = new StringBuilder();
        for (var seed = firstSeed; seed < firstSeed + count; seed++)
        {
            dispatchers.Append(DispatcherIdOf(seed)).Append(" {\n");
            foreach (var (key, value) in DeterministicPtys.SeededConfig(seed, recordTrace).GetConfig(DeterministicPtys.DispatcherId).AsEnumerable())
                dispatchers.Append("  ").Append(key).Append(" = \"").Append(value.GetString()).Append("\"\n");
            dispatchers.Append("}\n");
        }
        var quiet = SerilogRouting.AkkaLogging(logger: null); // the actor system logs nothing
        System = ActorSystem.Create("sweep-" + Interlocked.Increment(ref s_systems), ConfigurationFactory.ParseString(dispatchers.ToString())
            .WithFallback(VirtualScheduler.ConfigFor(clock: null, dueNowOnThreadPool: false))
            .WithFallback(quiet)
            .WithFallback(PtyConfig.Reference));
    }

    public ActorSystem System { get; }

    public static string DispatcherIdOf(int seed) => "ptm.seeded-" + seed;

    /// <summary>The seed's pty system, its Clone started, as DeterministicPtys.Create hands one out.</summary>
    public PtySystem Start(int seed, PtySystemOptions? options)
    {
        var ptys = PtySystem.Attach(System, (options ?? new PtySystemOptions()) with { Dispatcher = DispatcherIdOf(seed) }); // returns once the Clone has started
        var driver = DeterministicPtys.DriverOf(ptys);
        driver.AwaitFirstRun(Patience); // its start, queued from the /user guardian's thread
        driver.RunUntilIdle();
        return ptys;
    }

    /// <summary>
    /// What PtySystem.DisposeAsync does for an attached system, but in the seeded order on this
    /// thread: close every descriptor, then stop the Clone (its sides stopped with their last
    /// close). DisposeAsync would stop the Clone with GracefulStop on the ThreadPool, which cost
    /// more than the scenario.
    /// </summary>
    public void Stop(PtySystem ptys)
    {
        ptys.Posix.CloseEverythingAsync().Wait(Patience); // runs the seeded queue on this thread
        ptys.Statistics.Stopping = true;
        ptys.CloneActor.Tell(PoisonPill.Instance, ActorRefs.NoSender);
        ptys.RunUntilIdle();
        if (!((IInternalActorRef)ptys.CloneActor).IsTerminated)
            throw new InvalidOperationException($"seed {DeterministicPtys.SeedOf(ptys)}: the Clone did not stop in the seeded order");
        DeterministicPtys.DriverOf(ptys).ShuttingDown();
    }

    public void Dispose() => System.Terminate().Wait(Patience);
}
