using Akka.Configuration;
using Akka.Dispatch;

namespace Ptm.Actors.Runtime;

/// <summary>
/// The pty actors' executor (HOCON: <c>executor = "Ptm.Actors.Runtime.ChainingExecutorConfigurator, Ptm.Actors"</c>):
/// Akka.NET hands it every mailbox run of the dispatcher. A run woken from inside another run
/// of a chaining dispatcher is handed to that thread's <see cref="WorkerChain"/>; anything else
/// goes to the ThreadPool, where the thread that takes it chains what it wakes in turn.
/// </summary>
internal sealed class ChainingExecutor(string id, ChainingDriver driver) : ExecutorService(id)
{
    public override void Execute(IRunnable run)
    {
        driver.Idle.Enter();
        if (WorkerChain.Current is { } chain && chain.TryHandOff(run, driver)) return;
        driver.QueueToPool(run);
    }

    // Nothing to stop: runs already queued finish on the pool, and the driver outlives this executor.
    public override void Shutdown() { }
}

/// <summary>
/// Creates the chaining executors of one dispatcher. It is made when the dispatcher is first
/// looked up (executors only when first used), so the dispatcher's lasting driver is registered
/// here, where a PtySystem looking up its dispatcher finds it at once.
/// </summary>
internal sealed class ChainingExecutorConfigurator : ExecutorServiceConfigurator
{
    private readonly ChainingDriver _driver;

    public ChainingExecutorConfigurator(Config config, IDispatcherPrerequisites prerequisites) : base(config, prerequisites) =>
        _driver = DispatcherDrivers.GetOrAdd(prerequisites.Settings.System, config.GetString("id"), static () => new ChainingDriver());

    public override ExecutorService Produce(string id) => new ChainingExecutor(id, _driver);
}
