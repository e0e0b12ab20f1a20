using Ptm.Actors.Cli.Soak;
using Ptm.Actors.Cli.Tests.Reports;
using Spectre.Console;
using Ptm.Actors.TestKit.Soak;

namespace Ptm.Actors.Cli.Tests.Soak;

/// <summary>The failed calls while a soak runs and in its summary (issue 16): expected ones counted, unattributed ones singled out.</summary>
public class SoakFailedCallsDisplayTests
{
    private static readonly SoakProgress Moment = new(TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(60), 40, 7, 1234, 2048, 4096, 3, 0, 200, 2);

    private static (IAnsiConsole Console, StringWriter Output) Console(bool live)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = live ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = live ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!live) console.Profile.Width = 200; // the live table must fit the default 80 columns
        return (console, output);
    }

    [Fact]
    public void The_plain_progress_line_counts_failed_and_unattributed_calls() =>
        Assert.EndsWith("violations=0 failed_calls=200 unattributed=2", Moment.ToPlainLine());

    [Fact]
    public async Task The_live_table_shows_failed_calls_with_the_unattributed_under_it()
    {
        var (console, output) = Console(live: true);
        await new LiveSoakDisplay(console).ShowAsync(() => Moment, Task.CompletedTask);

        Assert.Contains("violations", output.ToString()); // the table still fits
        Assert.Contains("failed calls 200: 2 unattributed (unexpected)", output.ToString());
    }

    [Fact]
    public void The_summary_says_how_many_failed_calls_were_expected()
    {
        var (console, output) = Console(live: false);
        console.Write(SoakReportTable.Render(KnownReports.Soak()));

        Assert.Contains("1,000 (100 returned an error, 10%: 10 unattributed (unexpected), 90 expected)", output.ToString());
        Assert.Contains("latency p90 / p99.9 / max", output.ToString());
    }

    [Fact]
    public void With_nothing_unattributed_the_summary_says_all_were_expected()
    {
        var (console, output) = Console(live: false);
        console.Write(SoakReportTable.Render(KnownReports.Soak(unattributed: 0)));

        Assert.Contains("1,000 (90 returned an error, 9%: all expected, see failed calls)", output.ToString());
    }
}
