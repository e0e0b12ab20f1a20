using Akka.Configuration;
using Akka.Dispatch;
using Ptm.Actors.Runtime;
using Ptm.Actors.TestKit.Timing;

namespace Ptm.Actors.TestKit.Deterministic;

/// <summary>
/// The seeded dispatcher's executor (HOCON: <c>executor = "Ptm.Actors.TestKit.Deterministic.SeededExecutorConfigurator, Ptm.Actors.TestKit"</c>,
/// with a <c>seed</c> and <c>record-trace</c> beside it). Akka.NET replaces an idle dispatcher's
/// executor now and then, so each executor is a facade over the system's one <see cref="SeededDriver"/>.
/// </summary>
internal sealed class SeededExecutorConfigurator : ExecutorServiceConfigurator
{
    private readonly SeededDriver _driver;

    public SeededExecutorConfigurator(Config config, IDispatcherPrerequisites prerequisites) : base(config, prerequisites)
    {
        var seed = config.GetInt("seed", 1);
        var recordTrace = config.GetBoolean("record-trace", true);
        _driver = DispatcherDrivers.GetOrAdd(prerequisites.Settings.System, config.GetString("id"), () => new SeededDriver(seed, recordTrace, VirtualScheduler.ClockOf(prerequisites.Scheduler)));
    }

    public override ExecutorService Produce(string id) => new SeededExecutor(id, _driver);

    private sealed class SeededExecutor(string id, SeededDriver driver) : ExecutorService(id)
    {
        public override void Execute(IRunnable run) => driver.Execute(run);

        public override void Shutdown() { } // the driver outlives every executor
    }
}
