using Ptm.Actors.Cli.Bench.Baselines;
using Ptm.Actors.Cli.Bench.Kernel;

namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// The one place benchmarks are registered. Add an actor figure by appending its benchmark
/// to the suite it belongs to; name its key as in <see cref="BaselineMap"/> and the table
/// pairs it with its baseline automatically.
/// </summary>
public static class BenchCatalog
{
    public static BenchRegistry Create() =>
        new BenchRegistry()
            .Add(SuiteNames.Kernel,
                new ChannelPingPongBaseline(),
                new PingPongBenchmark(),
                new TellThroughputBenchmark(),
                new AskRoundTripBenchmark(),
                new SpawnStopBenchmark(),
                new TerminatedBenchmark(),
                new IdleActorMemoryBenchmark())
            .Add(SuiteNames.Pty,
                new OsPtyThroughputBaseline(),
                new OsPtyRoundTripBaseline(),
                new OsPtyOpenCloseBaseline())
            .Add(SuiteNames.Scale);
}
