using System.Text;

namespace MaxK.Harness.Site.Charts;

/// <summary>
/// A line/scatter chart as inline SVG, made at build time: title, axis labels with units, ticks, a legend,
/// horizontal reference lines, and a hover title on every point. Axes may be logarithmic (base 2 or 10).
/// </summary>
public sealed class SvgLineChart
{
    private const double Width = 640, Height = 380, Left = 64, Right = 436, Top = 40, Bottom = 328;

    public required string Title { get; init; }
    public required string XLabel { get; init; }
    public required string YLabel { get; init; }
    public int XLogBase { get; init; }
    public int YLogBase { get; init; }
    public bool YFromZero { get; init; } = true;
    public List<ChartSeries> Series { get; } = [];
    public List<ReferenceLine> References { get; } = [];

    /// <summary>The SVG element; <paramref name="id"/> must be unique in the page.</summary>
    public string Render(string id)
    {
        var xs = Series.SelectMany(s => s.Points).Select(p => p.X).ToList();
        var ys = Series.SelectMany(s => s.Points).Select(p => p.Y).Concat(References.Select(r => r.Y)).ToList();
        var xAxis = new ChartAxis(xs, XLogBase, fromZero: false);
        var yAxis = new ChartAxis(ys, YLogBase, YFromZero);
        double Px(double x) => Left + xAxis.Fraction(x) * (Right - Left);
        double Py(double y) => Bottom - yAxis.Fraction(y) * (Bottom - Top);
        string F(double v) => Html.N(v, 1);

        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" id=\"{Html.E(id)}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"{Html.E(id)}-t\">\n");
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
        sb.Append($"<text class=\"axis\" x=\"{(Left + Right) / 2}\" y=\"{Height - 14}\" text-anchor=\"middle\">{Html.E(XLabel)}</text>\n");
        sb.Append($"<text class=\"axis\" transform=\"translate(16 {(Top + Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Html.E(YLabel)}</text>\n");

        var legendY = Top + 4.0;
        foreach (var r in References)
        {
            var y = F(Py(r.Y));
            sb.Append($"<g class=\"ref\"><title>{Html.E(r.Name)}: {Html.E(ChartAxis.Label(r.Y))}</title><line x1=\"{Left}\" y1=\"{y}\" x2=\"{Right}\" y2=\"{y}\" stroke=\"{ChartPalette.Reference}\" stroke-dasharray=\"2 3\"/></g>\n");
            sb.Append($"<line x1=\"{Right + 12}\" y1=\"{F(legendY)}\" x2=\"{Right + 32}\" y2=\"{F(legendY)}\" stroke=\"{ChartPalette.Reference}\" stroke-dasharray=\"2 3\"/><text class=\"legend\" x=\"{Right + 36}\" y=\"{F(legendY)}\" dy=\"4\">{Html.E(Shorten(r.Name))}</text>\n");
            legendY += 16;
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
            sb.Append($"<line x1=\"{Right + 12}\" y1=\"{F(legendY)}\" x2=\"{Right + 32}\" y2=\"{F(legendY)}\" stroke=\"{colour}\" stroke-width=\"2\"{dashAttr}/><circle cx=\"{Right + 22}\" cy=\"{F(legendY)}\" r=\"3\" fill=\"{colour}\"/><text class=\"legend\" x=\"{Right + 36}\" y=\"{F(legendY)}\" dy=\"4\">{Html.E(Shorten(s.Name))}</text>\n");
            legendY += 16;
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static string Shorten(string s) => s.Length <= 32 ? s : s[..31] + "…";
}
