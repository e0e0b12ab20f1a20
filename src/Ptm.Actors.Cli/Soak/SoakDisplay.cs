using Spectre.Console;
using Spectre.Console.Rendering;
using Ptm.Actors.TestKit.Soak;
using Ptm.Actors.TestKit.Soak.Report;

namespace Ptm.Actors.Cli.Soak;

/// <summary>Stdout is not a terminal (Console.IsOutputRedirected): one plain line every few seconds.</summary>
internal sealed class PlainSoakDisplay(TextWriter output, TimeSpan interval) : ISoakDisplay
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    public async Task ShowAsync(Func<SoakProgress> read, Task run)
    {
        while (await Task.WhenAny(run, Task.Delay(interval)) != run)
        {
            output.WriteLine(read().ToPlainLine());
            output.Flush();
        }
    }
}

/// <summary>A terminal: a Spectre.Console progress bar with a small table of counters under it.</summary>
internal sealed class LiveSoakDisplay(IAnsiConsole console) : ISoakDisplay
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);
    private IRenderable _table = new Text("");

    public async Task ShowAsync(Func<SoakProgress> read, Task run)
    {
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .UseRenderHook((bar, _) => new Rows(bar, _table))
            .StartAsync(async context =>
            {
                var task = context.AddTask("soak", maxValue: 100);
                while (true)
                {
                    var progress = read();
                    task.Value = progress.Percent;
                    _table = Render(progress);
                    context.Refresh();
                    if (run.IsCompleted) break;
                    await Task.WhenAny(run, Task.Delay(RefreshInterval));
                }
                task.Value = 100;
                task.StopTask();
            });
    }

    // Under the table, which has no room for another column in 80 characters: the failed calls,
    // expected ones plain, any that no rule explains in red.
    private static string FailedCalls(SoakProgress progress) =>
        progress.UnattributedFailures == 0
            ? $"failed calls {progress.FailedCalls:N0}, all expected"
            : $"failed calls {progress.FailedCalls:N0}: [red]{progress.UnattributedFailures:N0} unattributed (unexpected)[/]";

    private static IRenderable Render(SoakProgress progress)
    {
        var table = new Table().AddColumn("sessions").AddColumn("live").AddColumn("ops").AddColumn("received m->s").AddColumn("received s->m").AddColumn("faults").AddColumn("violations")
            .Caption(FailedCalls(progress));
        table.AddRow(
            progress.Sessions.ToString("N0"),
            progress.LiveSessions.ToString("N0"),
            progress.Operations.ToString("N0"),
            ByteSize.Format(progress.ReceivedManagerToSubsidiary),
            ByteSize.Format(progress.ReceivedSubsidiaryToManager),
            progress.Faults.ToString("N0"),
            progress.Violations == 0 ? "0" : $"[red]{progress.Violations:N0}[/]");
        return table;
    }
}
