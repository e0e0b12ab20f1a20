using System.CommandLine;
using Ptm.Actors.Cli.Commands;

namespace Ptm.Actors.Cli.Reports;

/// <summary>`--report FILE.html` on `ptm soak` and `ptm bench`: the report as a self-contained HTML page.</summary>
internal static class HtmlReportOption
{
    /// <summary>The option; <paramref name="charts"/> says which pictures the page has.</summary>
    public static Option<string?> Create(string charts) =>
        new Option<string?>("--report")
        {
            HelpName = "FILE.html",
            Description = $"Write the report as a self-contained HTML page to FILE.html ({charts}; inline SVG, no script, nothing fetched)",
        }.WritableFile(".html", ".htm");

    /// <summary>Writes the page; false (with one line on <paramref name="error"/>, prefixed by <paramref name="command"/>) if it could not be.</summary>
    public static bool Write(string path, string html, string command, TextWriter error)
    {
        if (OutputFiles.Write(path, html, "the HTML report") is not { } problem) return true;
        error.WriteLine($"{command}: {problem}");
        return false;
    }
}
