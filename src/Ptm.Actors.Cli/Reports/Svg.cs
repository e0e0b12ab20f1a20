using System.Text;

namespace Ptm.Actors.Cli.Reports;

/// <summary>One horizontal bar: its label, its length (any unit, scaled to the longest), the text after it, and its CSS class (bar, good, bad, base).</summary>
internal sealed record SvgBar(string Label, double Length, string Value, string Class = "");

/// <summary>
/// The inline SVG pictures of the HTML reports. Every bar and point carries its figure in a
/// data- attribute, so a test can read back what was drawn.
/// </summary>
internal static class Svg
{
    private const int LabelWidth = 250;
    private const int PlotWidth = 420;
    private const int ValueWidth = 110;
    private const int RowHeight = 22;

    /// <summary>Horizontal bars, one a row; a bar's width is its Length over the longest's, times the plot width.</summary>
    public static string Bars(string title, IReadOnlyList<SvgBar> bars)
    {
        var longest = bars.Count == 0 ? 0 : bars.Max(bar => bar.Length);
        var height = RowHeight * bars.Count + 24;
        var svg = Open(title, LabelWidth + PlotWidth + ValueWidth, height);
        svg.Append($"<text x=\"0\" y=\"14\">{HtmlPage.Escape(title)}</text>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 24 + i * RowHeight;
            var width = longest > 0 ? Math.Max(0, bar.Length) / longest * PlotWidth : 0;
            svg.Append($"<g data-label=\"{HtmlPage.Escape(bar.Label)}\" data-value=\"{HtmlPage.Escape(bar.Value)}\">")
                .Append($"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{HtmlPage.Escape(bar.Label)}</text>")
                .Append($"<rect class=\"bar {bar.Class}\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{HtmlPage.Number(width)}\" height=\"{RowHeight - 6}\"/>")
                .Append($"<text x=\"{HtmlPage.Number(LabelWidth + width + 6)}\" y=\"{y + 15}\">{HtmlPage.Escape(bar.Value)}</text></g>\n");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A line of points (x from 0 to the last index, y scaled to the highest value), its values in data-values.</summary>
    public static void Line(StringBuilder svg, string cssClass, IReadOnlyList<double> values, double left, double top, double width, double height)
    {
        var highest = values.Count == 0 ? 0 : values.Max();
        var points = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var x = left + (values.Count == 1 ? 0 : width * i / (values.Count - 1));
            var y = top + height - (highest > 0 ? values[i] / highest * height : 0);
            points.Add(HtmlPage.Number(x) + "," + HtmlPage.Number(y));
        }
        svg.Append($"<polyline class=\"{cssClass}\" data-values=\"{string.Join(',', values.Select(HtmlPage.Number))}\" points=\"{string.Join(' ', points)}\"/>\n");
    }

    /// <summary>Vertical bars side by side (x from left, one slot per value), scaled to <paramref name="highest"/> (default: the highest value); each carries data-value.</summary>
    public static void Columns(StringBuilder svg, string cssClass, IReadOnlyList<long> values, double left, double top, double width, double height, long? highest = null)
    {
        highest ??= values.Count == 0 ? 0 : values.Max();
        var slot = values.Count == 0 ? 0 : width / values.Count;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] <= 0 || highest <= 0) continue;
            var h = (double)values[i] / highest.Value * height;
            svg.Append($"<rect class=\"{cssClass}\" data-index=\"{i}\" data-value=\"{values[i]}\" x=\"{HtmlPage.Number(left + i * slot)}\" y=\"{HtmlPage.Number(top + height - h)}\" width=\"{HtmlPage.Number(Math.Max(1, slot - 1))}\" height=\"{HtmlPage.Number(h)}\"/>\n");
        }
    }

    /// <summary>The opening tag of an inline SVG (no namespace URL: HTML5 needs none, and the page names no address).</summary>
    public static StringBuilder Open(string title, int width, int height) =>
        new StringBuilder().Append($"<svg role=\"img\" aria-label=\"{HtmlPage.Escape(title)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
}
