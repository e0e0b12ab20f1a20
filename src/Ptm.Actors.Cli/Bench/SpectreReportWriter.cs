using Spectre.Console;

namespace Ptm.Actors.Cli.Bench;

/// <summary>The report as a Spectre.Console table, for a terminal.</summary>
internal static class SpectreReportWriter
{
    public static void Write(BenchReport report, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded);
        var header = ReportRows.Header;
        table.AddColumn(new TableColumn(header.Figure));
        table.AddColumn(new TableColumn(header.Value).RightAligned());
        table.AddColumn(new TableColumn(header.Baseline));
        table.AddColumn(new TableColumn(header.BaselineValue).RightAligned());
        table.AddColumn(new TableColumn(header.Ratio).RightAligned());
        foreach (var row in ReportRows.Of(report))
            table.AddRow(
                Markup.Escape(row.Figure), Markup.Escape(row.Value), Markup.Escape(row.Baseline),
                Markup.Escape(row.BaselineValue), Markup.Escape(row.Ratio));
        console.Write(table);
        foreach (var note in ReportRows.NotesOf(report))
            console.MarkupLine("[yellow]" + Markup.Escape(note) + "[/]");
    }
}
