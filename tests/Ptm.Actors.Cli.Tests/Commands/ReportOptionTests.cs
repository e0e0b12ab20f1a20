using System.CommandLine;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ptm.Actors.Cli.Bench;
using Ptm.Actors.Cli.Commands;
using Ptm.Actors.Cli.Tests.Bench;
using Ptm.Actors.Cli.Tests.Soak;
using Ptm.Actors.TestKit.Tests.Soak;

namespace Ptm.Actors.Cli.Tests.Commands;

/// <summary>`--report FILE.html` on `ptm soak` and `ptm bench` (issue 16): read by its option parser, in --help, and written at the end.</summary>
public class ReportOptionTests
{
    private static string[] ErrorLines(string error) => error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (int ExitCode, string Out, string Error) Ptm(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLineRunner.Run(Program.BuildRoot(), args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string TempHtml() => Path.Combine(Path.GetTempPath(), $"ptm-report-{Guid.NewGuid():N}.html");

    [Theory]
    [InlineData("soak")]
    [InlineData("bench")]
    public void A_path_in_a_missing_folder_is_one_line_and_exit_2(string command)
    {
        var (code, output, error) = Ptm(command, "--report", "/no/such/folder/r.html");

        Assert.Equal(2, code);
        Assert.Equal([$"ptm {command}: --report: the folder of '/no/such/folder/r.html' does not exist", $"Run 'ptm {command} --help' for usage."], ErrorLines(error));
        Assert.Equal("", output);
    }

    [Fact]
    public void A_name_that_is_not_an_html_file_is_refused()
    {
        var (code, _, error) = Ptm("soak", "--report", "report.json");

        Assert.Equal(2, code);
        Assert.Equal("ptm soak: --report: must name a .html or .htm file (got 'report.json')", ErrorLines(error)[0]);
    }

    [Fact]
    public void A_folder_is_refused()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ptm-report-{Guid.NewGuid():N}.html");
        Directory.CreateDirectory(folder);
        try
        {
            var (code, _, error) = Ptm("bench", "--report", folder);

            Assert.Equal(2, code);
            Assert.Equal($"ptm bench: --report: '{folder}' is a folder, not a file name", ErrorLines(error)[0]);
        }
        finally { Directory.Delete(folder); }
    }

    [Fact]
    public void A_path_that_cannot_be_written_is_refused_before_the_run()
    {
        // /proc takes no new files, not even from root (whom a read-only mode would not stop); the tests run on Linux.
        var (code, output, error) = Ptm("soak", "--report", "/proc/ptm-report.html", "--duration", "1s");

        Assert.Equal(2, code);
        Assert.Matches("^ptm soak: --report: cannot write '/proc/ptm-report.html': .+$", ErrorLines(error)[0]);
        Assert.Equal(2, ErrorLines(error).Length);
        Assert.Equal("", output); // refused before the run: not even the seed line
    }

    [Theory]
    [InlineData("soak")]
    [InlineData("bench")]
    public void Help_offers_the_html_report(string command)
    {
        var (code, output, _) = Ptm(command, "--help");

        Assert.Equal(0, code);
        var text = Regex.Replace(output, @"\s+", " ");
        Assert.Contains("--report <FILE.html> Write the report as a self-contained HTML page", text);
    }

    [Fact]
    public void A_soak_writes_its_page_when_it_ends_and_a_checked_path_that_was_not_created()
    {
        var path = TempHtml();
        try
        {
            var outcome = SoakCommandLine.Run(_ => new ReplayWorkload(Traces.Clean()), CancellationToken.None, "--report", path, "--seed", "5");

            Assert.Equal(0, outcome.ExitCode);
            var page = XDocument.Parse(File.ReadAllText(path));
            Assert.Contains("ptm soak report, seed 5", page.Descendants("h1").Single().Value);
            Assert.Equal(3, page.Descendants("svg").Count());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_bench_writes_its_page_with_the_ratio_chart()
    {
        var path = TempHtml();
        try
        {
            var output = new StringWriter();
            var root = new RootCommand("test");
            var registry = new BenchRegistry().Add(SuiteNames.Kernel, TinyTiming.Reporting("k",
                new Figure("pingpong_round_trips_per_s", 400_000, FigureUnits.PerSecond),
                new Figure(BaselineMap.ChannelRoundTrips, 100_000, FigureUnits.PerSecond)));
            root.Subcommands.Add(BenchCommand.Build(registry, _ => TinyTiming.Options(), new BenchCommand.BenchOutput(output, new StringWriter(), OutIsTerminal: false)));

            var code = CommandLineRunner.Run(root, ["bench", "kernel", "--report", path], output, new StringWriter());

            Assert.Equal(0, code);
            var bars = XDocument.Parse(File.ReadAllText(path)).Descendants("g").Select(g => g.Attribute("data-label")!.Value);
            Assert.Equal(["baseline (target)", "pingpong_round_trips_per_s"], bars);
        }
        finally { File.Delete(path); }
    }
}
