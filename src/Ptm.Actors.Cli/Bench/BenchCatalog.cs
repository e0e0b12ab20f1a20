using Ptm.Actors.Cli.Bench.Baselines;

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
                new ChannelPingPongBaseline())
            .Add(SuiteNames.Pty,
                new OsPtyThroughputBaseline(),
                new OsPtyRoundTripBaseline(),
                new OsPtyOpenCloseBaseline())
            .Add(SuiteNames.Scale);
}
