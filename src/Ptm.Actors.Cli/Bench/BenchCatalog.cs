using Ptm.Actors.Cli.Bench.Baselines;
using Ptm.Actors.Cli.Bench.Cluster;
using Ptm.Actors.Cli.Bench.Kernel;
using Ptm.Actors.Cli.Bench.Pty;

namespace Ptm.Actors.Cli.Bench;

/// <summary>
/// The one place benchmarks are registered. Add an actor figure by appending its benchmark
/// to the suite it belongs to; name its key as in <see cref="BaselineMap"/> and the table
/// pairs it with its baseline automatically.
/// </summary>
internal static class BenchCatalog
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
                new OsPtyOpenCloseBaseline(),
                new OsPtyCookedRoundTripBaseline(),
                new PtyThroughputBenchmark("pty_throughput_MBps_4k", 4096, 64 * 1024),
                new PtyThroughputBenchmark("pty_throughput_MBps_512", 512, 64 * 1024, BaselineMap.OsPtyThroughput4k),
                new PtyThroughputBenchmark("pty_throughput_MBps_4k_64B_reads", 4096, 64, BaselineMap.OsPtyThroughput4k),
                new PtyRoundTripBenchmark(),
                new PtyCookedRoundTripBenchmark(),
                new PtyOpenCloseBenchmark())
            .Add(SuiteNames.Scale,
                new ScaleBenchmark())
            .Add(SuiteNames.Cluster,
                new ClusterRoundTripBenchmark(),
                new ClusterThroughputBenchmark());
}
