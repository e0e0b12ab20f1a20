using System.Globalization;
using System.Net;
using System.Text;

namespace Ptm.Actors.Cli.Reports;

/// <summary>
/// A self-contained HTML page: inline CSS, inline SVG, no script, no reference to anything
/// outside the file (it must open the same off-line, years later). Written as well-formed XML
/// (every element closed, only numeric character references) so a test can parse it.
/// </summary>
internal sealed class HtmlPage
{
    private const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
        h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: .5em 0; }
        td, th { border: 1px solid #ddd; padding: .2em .6em; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .bad, tr.bad td { color: #b00; font-weight: bold; }
        .good { color: #080; } .warn { color: #a60; } .note { color: #666; }
        svg text { font: 12px system-ui, sans-serif; fill: #222; }
        svg .bar { fill: #4a90c2; } svg .bar.good { fill: #3a9a48; } svg .bar.bad { fill: #c83232; } svg .bar.base { fill: #999; }
        svg .live { fill: none; stroke: #3a9a48; stroke-width: 2; } svg .fault { fill: #d9a400; }
        svg .failed { fill: #999; } svg .unattributed { fill: #c83232; } svg .axis { stroke: #888; stroke-width: 1; }
        """;

    private readonly StringBuilder _body = new();
    private readonly string _title;

    public HtmlPage(string title) => _title = title;

    /// <summary>Text made safe for an element or an attribute.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A number for SVG coordinates: invariant, two decimals at most.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public HtmlPage Heading(string text)
    {
        _body.Append("<h2>").Append(Escape(text)).Append("</h2>\n");
        return this;
    }

    /// <summary>A paragraph; <paramref name="cssClass"/> marks it good, bad, warn or note.</summary>
    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Markup built by this assembly's own SVG and table builders, added as it is.</summary>
    public HtmlPage Raw(string markup)
    {
        _body.Append(markup).Append('\n');
        return this;
    }

    /// <summary>A table: the header, then rows of cells; a cell starting with a digit is right-aligned; a row marked bad is red.</summary>
    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<(IReadOnlyList<string> Cells, bool Bad)> rows)
    {
        _body.Append("<table><tr>");
        foreach (var cell in header) _body.Append("<th>").Append(Escape(cell)).Append("</th>");
        _body.Append("</tr>\n");
        foreach (var (cells, bad) in rows)
        {
            _body.Append(bad ? "<tr class=\"bad\">" : "<tr>");
            foreach (var cell in cells)
                _body.Append(cell.Length > 0 && char.IsAsciiDigit(cell[0]) ? "<td class=\"n\">" : "<td>").Append(Escape(cell)).Append("</td>");
            _body.Append("</tr>\n");
        }
        _body.Append("</table>\n");
        return this;
    }

    public override string ToString() =>
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{Escape(_title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n<h1>{Escape(_title)}</h1>\n{_body}</body>\n</html>\n";
}
