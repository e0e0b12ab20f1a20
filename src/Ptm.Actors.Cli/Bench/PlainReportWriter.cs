namespace Ptm.Actors.Cli.Bench;

/// <summary>The report as aligned plain text, for pipes and files (no escape codes).</summary>
internal static class PlainReportWriter
{
    private const string Gap = "  ";

    public static void Write(BenchReport report, TextWriter output)
    {
        var rows = ReportRows.Of(report);
        var widths = new int[5];
        Widen(ReportRows.Header, widths);
        foreach (var row in rows) Widen(row, widths);

        WriteRow(ReportRows.Header, widths, output);
        var rule = 0;
        foreach (var w in widths) rule += w;
        output.WriteLine(new string('-', rule + Gap.Length * (widths.Length - 1)));
        foreach (var row in rows) WriteRow(row, widths, output);

        foreach (var note in ReportRows.NotesOf(report))
            output.WriteLine(note);
    }

    private static void Widen(ReportRow row, int[] widths)
    {
        widths[0] = Math.Max(widths[0], row.Figure.Length);
        widths[1] = Math.Max(widths[1], row.Value.Length);
        widths[2] = Math.Max(widths[2], row.Baseline.Length);
        widths[3] = Math.Max(widths[3], row.BaselineValue.Length);
        widths[4] = Math.Max(widths[4], row.Ratio.Length);
    }

    private static void WriteRow(ReportRow row, int[] widths, TextWriter output)
    {
        // Names left-aligned, numbers right-aligned so their digits line up.
        var line = row.Figure.PadRight(widths[0]) + Gap
            + row.Value.PadLeft(widths[1]) + Gap
            + row.Baseline.PadRight(widths[2]) + Gap
            + row.BaselineValue.PadLeft(widths[3]) + Gap
            + row.Ratio.PadLeft(widths[4]);
        output.WriteLine(line.TrimEnd());
    }
}
