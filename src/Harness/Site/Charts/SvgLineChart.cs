using System.Text;

namespace MaxK.Harness.Site.Charts;

/// <summary>
/// A line/scatter chart as inline SVG, made at build time: title, axis labels with units, ticks, horizontal reference
/// lines (each with its own grey and dash pattern), and a hover title on every point. The legend sits under the plot,
/// one full-width line per entry, and the SVG grows to hold it, so no name is clipped. Axes may be logarithmic (base 2
/// or 10). A chart whose points share one x value is no line: it renders as a small table (<see cref="RenderTable"/>).
/// </summary>
public sealed class SvgLineChart
{
    private const double Width = 640, Left = 64, Right = 616, Top = 40, Bottom = 300, LegendLine = 16;

    public required string Title { get; init; }
    public required string XLabel { get; init; }
    public required string YLabel { get; init; }
    public int XLogBase { get; init; }
    public int YLogBase { get; init; }
    public bool YFromZero { get; init; } = true;
    public List<ChartSeries> Series { get; } = [];
    public List<ReferenceLine> References { get; } = [];

    /// <summary>The SVG element (or, for a single x value, a table); <paramref name="id"/> must be unique in the page.</summary>
    public string Render(string id)
    {
        var xs = Series.SelectMany(s => s.Points).Select(p => p.X).Where(double.IsFinite).ToList();
        if (xs.Distinct().Count() <= 1)
            return RenderTable(id);
        var ys = Series.SelectMany(s => s.Points).Select(p => p.Y).Concat(References.Select(r => r.Y)).ToList();
        var xAxis = new ChartAxis(xs, XLogBase, fromZero: false);
        var yAxis = new ChartAxis(ys, YLogBase, YFromZero);
        double Px(double x) => Left + xAxis.Fraction(x) * (Right - Left);
        double Py(double y) => Bottom - yAxis.Fraction(y) * (Bottom - Top);
        string F(double v) => Html.N(v, 1);
        var legendTop = Bottom + 52;
        var height = legendTop + ((References.Count + Series.Count) * LegendLine) + 6;

        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" id=\"{Html.E(id)}\" viewBox=\"0 0 {Width} {F(height)}\" width=\"{Width}\" height=\"{F(height)}\" role=\"img\" aria-labelledby=\"{Html.E(id)}-t\">\n");
        sb.Append($"<title id=\"{Html.E(id)}-t\">{Html.E(Title)}</title>\n");
        sb.Append($"<text class=\"ct\" x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\">{Html.E(Title)}</text>\n");
        foreach (var t in xAxis.Ticks)
        {
            var x = F(Px(t));
            sb.Append($"<line class=\"grid\" x1=\"{x}\" y1=\"{Top}\" x2=\"{x}\" y2=\"{Bottom}\"/><text class=\"tick\" x=\"{x}\" y=\"{Bottom + 16}\" text-anchor=\"middle\">{Html.E(ChartAxis.Label(t))}</text>\n");
        }
        foreach (var t in yAxis.Ticks)
        {
            var y = F(Py(t));
            sb.Append($"<line class=\"grid\" x1=\"{Left}\" y1=\"{y}\" x2=\"{Right}\" y2=\"{y}\"/><text class=\"tick\" x=\"{Left - 6}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\">{Html.E(ChartAxis.Label(t))}</text>\n");
        }
        sb.Append($"<rect class=\"frame\" x=\"{Left}\" y=\"{Top}\" width=\"{Right - Left}\" height=\"{Bottom - Top}\"/>\n");
        sb.Append($"<text class=\"axis\" x=\"{(Left + Right) / 2}\" y=\"{Bottom + 36}\" text-anchor=\"middle\">{Html.E(XLabel)}</text>\n");
        sb.Append($"<text class=\"axis\" transform=\"translate(16 {(Top + Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Html.E(YLabel)}</text>\n");

        var legendY = legendTop;
        for (var i = 0; i < References.Count; i++)
        {
            var r = References[i];
            var (colour, dash) = ChartPalette.ReferenceStyle(i);
            var y = F(Py(r.Y));
            sb.Append($"<g class=\"ref\"><title>{Html.E(r.Name)}: {Html.E(ChartAxis.Label(r.Y))}</title><line x1=\"{Left}\" y1=\"{y}\" x2=\"{Right}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"{dash}\"/></g>\n");
            sb.Append($"<line x1=\"{Left}\" y1=\"{F(legendY)}\" x2=\"{Left + 28}\" y2=\"{F(legendY)}\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"{dash}\"/><text class=\"legend\" x=\"{Left + 36}\" y=\"{F(legendY)}\" dy=\"4\">{Html.E(r.Name)}</text>\n");
            legendY += LegendLine;
        }
        for (var i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            var colour = ChartPalette.Series(i);
            var dash = s.Dashed ? "5 3" : ChartPalette.Dash(i);
            var dashAttr = dash is null ? "" : $" stroke-dasharray=\"{dash}\"";
            var pts = s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
            sb.Append($"<g class=\"series\" data-series=\"{Html.E(s.Name)}\">");
            if (s.Connect && pts.Count > 1)
                sb.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dashAttr} points=\"{string.Join(" ", pts.Select(p => F(Px(p.X)) + "," + F(Py(p.Y))))}\"/>");
            foreach (var p in pts)
                sb.Append($"<circle cx=\"{F(Px(p.X))}\" cy=\"{F(Py(p.Y))}\" r=\"3.5\" fill=\"{colour}\"><title>{Html.E(p.Tip)}</title></circle>");
            sb.Append("</g>\n");
            sb.Append($"<line x1=\"{Left}\" y1=\"{F(legendY)}\" x2=\"{Left + 28}\" y2=\"{F(legendY)}\" stroke=\"{colour}\" stroke-width=\"2\"{dashAttr}/><circle cx=\"{Left + 14}\" cy=\"{F(legendY)}\" r=\"3\" fill=\"{colour}\"/><text class=\"legend\" x=\"{Left + 36}\" y=\"{F(legendY)}\" dy=\"4\">{Html.E(s.Name)}</text>\n");
            legendY += LegendLine;
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>
    /// The chart's data as a table, for a chart whose points all share one x value (a line over one k is a dot on an empty
    /// axis): one row per point and per reference line.
    /// </summary>
    public string RenderTable(string id)
    {
        var sb = new StringBuilder();
        sb.Append($"<figure class=\"chart-table\" id=\"{Html.E(id)}\"><figcaption>{Html.E(Title)}</figcaption>\n<table>\n<thead><tr><th>series</th><th>{Html.E(XLabel.Replace(" (log scale)", "", StringComparison.Ordinal))}</th><th>{Html.E(YLabel)}</th><th>point</th></tr></thead>\n<tbody>\n");
        foreach (var s in Series)
        {
            foreach (var p in s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)))
                sb.Append($"<tr><td>{Html.E(s.Name)}</td><td>{Html.E(ChartAxis.Label(p.X))}</td><td>{Html.E(Html.N(p.Y, 2))}</td><td>{Html.E(p.Tip)}</td></tr>\n");
        }
        foreach (var r in References)
            sb.Append($"<tr><td>{Html.E(r.Name)}</td><td>(reference)</td><td>{Html.E(Html.N(r.Y, 2))}</td><td></td></tr>\n");
        sb.Append("</tbody></table></figure>\n");
        return sb.ToString();
    }
}
