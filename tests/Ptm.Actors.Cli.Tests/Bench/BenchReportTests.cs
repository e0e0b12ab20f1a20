using System.Text.Json;
using Ptm.Actors.Cli.Bench;

namespace Ptm.Actors.Cli.Tests.Bench;

public class BenchReportTests
{
    private static async Task<BenchReport> RunAsync(BenchRegistry registry, params string[] suites) =>
        await BenchRunner.RunAsync(registry, suites, TinyTiming.Options(), TextWriter.Null);

    // The figures object of the JSON report: each measured figure's key to its value.
    private static Dictionary<string, double> ParseJson(BenchReport report)
    {
        using var document = JsonDocument.Parse(BenchReportJson.ToJson(report));
        var figures = new Dictionary<string, double>();
        foreach (var property in document.RootElement.GetProperty("figures").EnumerateObject())
            figures.Add(property.Name, property.Value.GetProperty("value").GetDouble());
        return figures;
    }

    [Fact]
    public async Task The_json_holds_exactly_the_measured_figures_and_their_values()
    {
        var registry = new BenchRegistry()
            .Add("kernel", TinyTiming.Reporting("a",
                new Figure("pingpong_round_trips_per_s", 250_000, FigureUnits.PerSecond),
                new Figure(BaselineMap.ChannelRoundTrips, 1_000_000, FigureUnits.PerSecond)))
            .Add("pty", TinyTiming.Reporting("b", new Figure("pty_throughput_MBps_4k", 12.5, FigureUnits.MegabytesPerSecond)))
            .Add("scale");

        var report = await RunAsync(registry, "kernel", "pty", "scale");
        var json = ParseJson(report);

        Assert.Equal(
            new Dictionary<string, double>
            {
                ["pingpong_round_trips_per_s"] = 250_000,
                [BaselineMap.ChannelRoundTrips] = 1_000_000,
                ["pty_throughput_MBps_4k"] = 12.5,
            },
            json);
    }

    [Fact]
    public async Task Suites_not_chosen_contribute_no_keys()
    {
        var registry = new BenchRegistry()
            .Add("kernel", TinyTiming.Reporting("a", new Figure("k", 1, FigureUnits.PerSecond)))
            .Add("pty", TinyTiming.Reporting("b", new Figure("p", 2, FigureUnits.PerSecond)));

        var json = ParseJson(await RunAsync(registry, "pty"));

        Assert.Equal(["p"], json.Keys);
    }

    [Fact]
    public async Task A_ratio_is_the_figure_over_its_baseline_from_the_same_run()
    {
        var registry = new BenchRegistry().Add("kernel", TinyTiming.Reporting("a",
            new Figure("pingpong_round_trips_per_s", 250_000, FigureUnits.PerSecond),
            new Figure(BaselineMap.ChannelRoundTrips, 1_000_000, FigureUnits.PerSecond),
            new Figure("custom_per_s", 30, FigureUnits.PerSecond, BaselineKey: "custom_baseline_per_s"),
            new Figure("custom_baseline_per_s", 20, FigureUnits.PerSecond)));

        var report = await RunAsync(registry, "kernel");

        Assert.Equal(0.25, report.RatioOf(report.Find("pingpong_round_trips_per_s")!));
        Assert.Equal(1.5, report.RatioOf(report.Find("custom_per_s")!));
        Assert.Null(report.RatioOf(report.Find(BaselineMap.ChannelRoundTrips)!));
        var text = new StringWriter();
        PlainReportWriter.Write(report, text);
        Assert.Contains(Line(text, "pingpong_round_trips_per_s"), l => l.EndsWith("0.25x"));
        Assert.Contains(Line(text, "custom_per_s"), l => l.EndsWith("1.50x"));
    }

    [Fact]
    public async Task A_baseline_that_was_not_measured_gives_no_ratio()
    {
        var registry = new BenchRegistry()
            .Add("pty", TinyTiming.Reporting("a", new Figure("pty_round_trips_per_s", 5_000, FigureUnits.PerSecond)));

        var report = await RunAsync(registry, "pty");

        Assert.Null(report.RatioOf(report.Find("pty_round_trips_per_s")!));
        var text = new StringWriter();
        PlainReportWriter.Write(report, text);
        Assert.Contains(Line(text, "pty_round_trips_per_s"), l => l.Contains(BaselineMap.OsPtyRoundTrips) && l.Contains("not run") && l.EndsWith("-"));
    }

    [Fact]
    public void Reporting_one_key_twice_is_refused()
    {
        var report = new BenchReport();
        report.Add("kernel", new Figure("x", 1, FigureUnits.PerSecond));

        Assert.Throws<InvalidOperationException>(() => report.Add("pty", new Figure("x", 2, FigureUnits.PerSecond)));
    }

    [Fact]
    public void A_figure_must_be_a_finite_number()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Figure("x", double.NaN, FigureUnits.PerSecond));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Figure("x", double.PositiveInfinity, FigureUnits.PerSecond));
    }

    [Fact]
    public async Task A_benchmark_that_throws_is_noted_and_the_others_still_report()
    {
        var registry = new BenchRegistry().Add("kernel",
            new DelegateBenchmark("broken", (_, _) => throw new InvalidOperationException("boom")),
            TinyTiming.Reporting("fine", new Figure("ok_per_s", 3, FigureUnits.PerSecond)));

        var report = await RunAsync(registry, "kernel");

        Assert.Equal(["ok_per_s"], ParseJson(report).Keys);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("broken", failure.Benchmark);
        Assert.Contains("boom", failure.Message);
    }

    [Fact]
    public void All_resolves_to_every_suite_in_registration_order()
    {
        var registry = new BenchRegistry().Add("kernel").Add("pty").Add("scale");

        Assert.Equal(["kernel", "pty", "scale"], registry.Resolve(BenchRegistry.All));
        Assert.Equal(["pty"], registry.Resolve("pty"));
        Assert.Throws<ArgumentException>(() => registry.Resolve("nosuch"));
    }

    private static IEnumerable<string> Line(StringWriter text, string figure) =>
        text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(figure + " "));
}
