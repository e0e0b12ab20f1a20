using Akka.Configuration;
using Ptm.Actors.TestKit.Timing;

namespace Ptm.Actors.TestKit.Kit;

/// <summary>
/// The HOCON a TestKit's actor system starts with. The test's actors run on Akka.NET's default
/// dispatcher (what Props without a dispatcher get), so that is the one the kit takes over: on
/// the ThreadPool it runs on the product's chaining executor, which counts queued and running
/// mailbox runs (idle detection); seeded, on the seeded executor. Every mailbox is faultable, and
/// the loggers are the kit's listener, which records what teardown fails on.
/// </summary>
internal static class KitConfig
{
    public const string TestDispatcher = "akka.actor.default-dispatcher";

    public static Config For(KitMode mode)
    {
        var executor = mode.Seed is { } seed
            ? $$"""
                executor = "Ptm.Actors.TestKit.Deterministic.SeededExecutorConfigurator, Ptm.Actors.TestKit"
                seed = {{seed}}
                record-trace = on
                throughput = 1
                throughput-deadline-time = 1ms
                """
            : """
                executor = "Ptm.Actors.Runtime.ChainingExecutorConfigurator, Ptm.Actors"
                """;
        var config = ConfigurationFactory.ParseString($$"""
            akka {
              loggers = ["Ptm.Actors.TestKit.Kit.TeardownListener, Ptm.Actors.TestKit"]
              loggers-dispatcher = "akka.actor.internal-dispatcher"
              actor.default-mailbox.mailbox-type = "Ptm.Actors.TestKit.Faults.FaultableMailbox, Ptm.Actors.TestKit"
              actor.default-dispatcher {
                {{executor}}
              }
            }
            """);
        return mode.IsVirtual ? config.WithFallback(VirtualScheduler.ConfigFor(clock: null, dueNowOnThreadPool: mode.Seed is null)) : config;
    }
}
