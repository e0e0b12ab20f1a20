using System.CommandLine;
using System.Text.Json;
using Ptm.Actors.Cli.Bench;
using Ptm.Actors.Cli.Commands;

namespace Ptm.Actors.Cli.Tests.Bench;

/// <summary>`ptm bench` ends with a bar chart of each ratio against its baseline, and writes its JSON report to a file (issue 16).</summary>
public class BenchChartTests
{
    // Ratios 4x and 0.5x against their baselines; the throughput figure has no baseline measured.
    private static BenchRegistry Registry() => new BenchRegistry()
        .Add(SuiteNames.Kernel, TinyTiming.Reporting("k",
            new Figure("pingpong_round_trips_per_s", 400_000, FigureUnits.PerSecond),
            new Figure(BaselineMap.ChannelRoundTrips, 100_000, FigureUnits.PerSecond)))
        .Add(SuiteNames.Pty, TinyTiming.Reporting("p",
            new Figure("pty_open_close_per_s", 5_000, FigureUnits.PerSecond),
            new Figure(BaselineMap.OsPtyOpenClose, 10_000, FigureUnits.PerSecond),
            new Figure("pty_throughput_MBps_4k", 900, FigureUnits.MegabytesPerSecond)));

    private static (int ExitCode, string Out, string Progress) Run(params string[] args)
    {
        var output = new StringWriter();
        var progress = new StringWriter();
        var root = new RootCommand("test");
        root.Subcommands.Add(BenchCommand.Build(Registry(), _ => TinyTiming.Options(), new BenchCommand.BenchOutput(output, progress, OutIsTerminal: false)));
        var code = CommandLineRunner.Run(root, ["bench", .. args], output, progress);
        return (code, output.ToString(), progress.ToString());
    }

    private static string BarOf(string text, string label) =>
        text.Split('\n').Single(line => line.TrimStart().StartsWith(label + " ", StringComparison.Ordinal));

    [Fact]
    public void The_report_ends_with_one_bar_per_ratio_longest_for_the_highest()
    {
        var (code, text, _) = Run();

        Assert.Equal(0, code);
        var chart = text[text.IndexOf("ratio to the same-run baseline", StringComparison.Ordinal)..];
        var fast = BarOf(chart, "pingpong_round_trips_per_s");
        var slow = BarOf(chart, "pty_open_close_per_s");
        var target = BarOf(chart, "baseline (target)");
        Assert.Contains("4.00x", fast);
        Assert.Contains("0.50x", slow);
        Assert.Contains("1.00x", target);
        Assert.True(fast.Count(c => c == '█') > target.Count(c => c == '█'), fast + "\n" + target);
        Assert.True(target.Count(c => c == '█') > slow.Count(c => c == '█'), target + "\n" + slow);
        Assert.DoesNotContain(chart.Split('\n'), line => line.TrimStart().StartsWith("pty_throughput_MBps_4k", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_to_a_file_keeps_the_table_and_chart_on_stdout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ptm-bench-{Guid.NewGuid():N}.json");
        try
        {
            var (code, text, _) = Run("--json", path);

            Assert.Equal(0, code);
            Assert.Contains("ratio to the same-run baseline", text);
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var pingpong = json.RootElement.GetProperty("figures").GetProperty("pingpong_round_trips_per_s");
            Assert.Equal(400_000, pingpong.GetProperty("value").GetDouble());
            Assert.Equal(BaselineMap.ChannelRoundTrips, pingpong.GetProperty("baseline").GetString());
            Assert.Equal(100_000, pingpong.GetProperty("baseline_value").GetDouble());
            Assert.Equal(4, pingpong.GetProperty("ratio").GetDouble());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("figures").GetProperty("pty_throughput_MBps_4k").GetProperty("ratio").ValueKind);
            Assert.Equal(0, json.RootElement.GetProperty("exit_code").GetInt32());
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("empty_suites").ValueKind);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Json_to_stdout_moves_the_table_and_chart_to_the_progress_stream()
    {
        var (code, text, progress) = Run("--json", "-");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(5, json.RootElement.GetProperty("figures").EnumerateObject().Count());
        Assert.Contains("ratio to the same-run baseline", progress);
    }

    [Fact]
    public void No_benchmark_repeats_its_suite_in_its_name()
    {
        var registry = BenchCatalog.Create();
        foreach (var suite in registry.SuiteNames)
            foreach (var benchmark in registry.BenchmarksOf(suite))
                Assert.False(benchmark.Name.StartsWith(suite + ":", StringComparison.Ordinal), $"'bench: {suite}: {benchmark.Name}'");
    }
}
