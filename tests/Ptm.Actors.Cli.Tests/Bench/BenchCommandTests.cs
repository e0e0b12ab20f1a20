using System.CommandLine;
using System.Text.Json;
using Ptm.Actors.Cli.Bench;
using Ptm.Actors.Cli.Commands;

namespace Ptm.Actors.Cli.Tests.Bench;

public class BenchCommandTests
{
    [Theory]
    [InlineData("bench", "nosuch")]
    [InlineData("bench", "kernel", "pty")]
    [InlineData("bench", "--pairs", "0")]
    [InlineData("bench", "--pairs", "many")]
    [InlineData("bench", "--frobnicate")]
    public void Bad_arguments_exit_2_without_running_anything(params string[] args)
    {
        var ran = false;
        var registry = new BenchRegistry()
            .Add(SuiteNames.Kernel, "spy", (_, _) => { ran = true; return Task.CompletedTask; })
            .Add(SuiteNames.Pty).Add(SuiteNames.Scale);

        var exit = Run(registry, new StringWriter(), args);

        Assert.Equal(CommandLineRunner.Usage, exit);
        Assert.False(ran);
    }

    [Fact]
    public void The_real_command_rejects_an_unknown_suite_with_exit_2() =>
        Assert.Equal(CommandLineRunner.Usage, Program.Main(["bench", "nosuch"]));

    [Fact]
    public void Bench_kernel_json_to_stdout_is_one_document_with_every_kernel_key_and_the_channel_baseline()
    {
        var stdout = new StringWriter();

        var exit = Run(BenchCatalog.Create(), stdout, "bench", "kernel", "--json", "-");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout.ToString()); // stdout is the JSON alone
        var json = document.RootElement.GetProperty("figures");
        string[] expected =
        [
            "pingpong_round_trips_per_s", "pipelined_msgs_per_s", "tells_per_s", "spawn_stop_per_s",
            "terminated_per_s", "bytes_per_idle_actor", "ask_round_trip_us", BaselineMap.ChannelRoundTrips,
        ];
        var keys = json.EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(expected.Order().ToArray(), keys);
        foreach (var figure in json.EnumerateObject())
            Assert.True(figure.Value.GetProperty("value").GetDouble() > 0, $"{figure.Name} = {figure.Value}");
        Assert.True(json.GetProperty("pingpong_round_trips_per_s").GetProperty("ratio").GetDouble() > 0);
    }

    [Fact]
    public void Pairs_reaches_the_benchmarks_and_the_default_suite_is_all()
    {
        var seen = new List<(string Suite, int Pairs)>();
        var registry = new BenchRegistry()
            .Add("kernel", "k", (c, _) => { seen.Add((c.Suite, c.Options.Pairs)); return Task.CompletedTask; })
            .Add("scale", "s", (c, _) => { seen.Add((c.Suite, c.Options.Pairs)); return Task.CompletedTask; });

        var exit = Run(registry, new StringWriter(), "bench", "--pairs", "7");

        Assert.Equal(0, exit);
        Assert.Equal([("kernel", 7), ("scale", 7)], seen);
    }

    [Fact]
    public void A_failed_benchmark_makes_the_command_exit_1()
    {
        var registry = new BenchRegistry().Add("kernel", "broken", (_, _) => throw new InvalidOperationException("boom"));

        Assert.Equal(1, Run(registry, new StringWriter(), "bench", "kernel"));
    }

    private static int Run(BenchRegistry registry, TextWriter stdout, params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(BenchCommand.Build(registry, _ => TinyTiming.Options(), new BenchCommand.BenchOutput(stdout, TextWriter.Null, OutIsTerminal: false)));
        return CommandLineRunner.Run(root, args);
    }
}
