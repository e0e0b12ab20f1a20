using System.Text.Json;
using Ptm.Actors.Cli.Tests.Soak;

namespace Ptm.Actors.Cli.Tests.ClusterSoak;

/// <summary>
/// `ptm soak --nodes 3` for real: three `ptm node` processes on loopback, sessions split across
/// them, node kills injected. Bounded: every wait in the run is (node start 90 s, each rule's
/// patience 45 s), and the run's own duration is 12 s.
/// </summary>
public class ClusterSoakRunTests
{
    [Fact]
    public void A_soak_across_three_nodes_with_node_kills_reports_no_violation()
    {
        var outcome = SoakCommandLine.Run(_ => throw new InvalidOperationException("--nodes runs no in-process workload"), CancellationToken.None,
            "--nodes", "3", "--duration", "12s", "--ptys", "4", "--node-kill-interval", "5s", "--seed", "17", "--json", "-");

        var report = JsonDocument.Parse(outcome.Out).RootElement;
        Assert.True(outcome.ExitCode == 0, $"exit {outcome.ExitCode}; stdout: {outcome.Out}\nstderr: {outcome.Error}");
        Assert.Equal(0, report.GetProperty("violation_count").GetInt64());
        Assert.True(report.GetProperty("faults").GetProperty("node_kill").GetInt64() >= 1, outcome.Error);
        Assert.True(report.GetProperty("ended_in_order").GetInt64() >= 1, outcome.Error);
        Assert.True(report.GetProperty("bytes_to_subsidiaries").GetInt64() > 0 && report.GetProperty("bytes_to_managers").GetInt64() > 0, outcome.Error);
        Assert.True(report.GetProperty("per_node").GetArrayLength() >= 4, outcome.Error); // three first nodes and at least one restart
        Assert.Contains("to run the same workload again: ptm soak --nodes 3 --seed 17 --duration 12s --ptys 4 --node-kill-interval 5s", outcome.Error);
    }
}
