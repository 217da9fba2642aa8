using System.Text;

namespace MaxK.Harness.Site.Charts;

/// <summary>
/// Stacked vertical bars as inline SVG (e.g. the epoch-time breakdown by phase): one bar per category, one stack
/// segment per part, a legend, axis labels with units and a hover title on every segment.
/// </summary>
public sealed class SvgStackedBarChart
{
    private const double Height = 400, Left = 64, Right = 436, Top = 40, Bottom = 300;

    /// <summary>Wide enough for the longest legend entry (about 6.5 px per character at 11 px), at least 640.</summary>
    private double Width => Math.Max(640, Math.Ceiling(Right + 32 + (Parts.Max(p => p.Length) * 6.5) + 8));

    public required string Title { get; init; }
    public required string YLabel { get; init; }
    public required IReadOnlyList<string> Parts { get; init; }

    /// <summary>Bars in display order: a label and one value per part (same order as <see cref="Parts"/>).</summary>
    public List<(string Label, IReadOnlyList<double> Values)> Bars { get; } = [];

    public string Render(string id)
    {
        var axis = new ChartAxis(Bars.Select(b => b.Values.Sum()).Append(0), 0, fromZero: true);
        double Py(double y) => Bottom - axis.Fraction(y) * (Bottom - Top);
        string F(double v) => Html.N(v, 1);
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" id=\"{Html.E(id)}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"{Html.E(id)}-t\">\n");
        sb.Append($"<title id=\"{Html.E(id)}-t\">{Html.E(Title)}</title>\n");
        sb.Append($"<text class=\"ct\" x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\">{Html.E(Title)}</text>\n");
        foreach (var t in axis.Ticks)
            sb.Append($"<line class=\"grid\" x1=\"{Left}\" y1=\"{F(Py(t))}\" x2=\"{Right}\" y2=\"{F(Py(t))}\"/><text class=\"tick\" x=\"{Left - 6}\" y=\"{F(Py(t))}\" dy=\"4\" text-anchor=\"end\">{Html.E(ChartAxis.Label(t))}</text>\n");
        sb.Append($"<rect class=\"frame\" x=\"{Left}\" y=\"{Top}\" width=\"{Right - Left}\" height=\"{Bottom - Top}\"/>\n");
        sb.Append($"<text class=\"axis\" transform=\"translate(16 {(Top + Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Html.E(YLabel)}</text>\n");
        var slot = (Right - Left) / Math.Max(1, Bars.Count);
        var barWidth = Math.Min(48, slot * 0.7);
        for (var b = 0; b < Bars.Count; b++)
        {
            var (label, values) = Bars[b];
            var x = Left + slot * b + (slot - barWidth) / 2;
            var acc = 0.0;
            sb.Append("<g class=\"bar\">");
            for (var p = 0; p < Parts.Count && p < values.Count; p++)
            {
                var y0 = Py(acc);
                acc += values[p];
                var y1 = Py(acc);
                sb.Append($"<rect x=\"{F(x)}\" y=\"{F(y1)}\" width=\"{F(barWidth)}\" height=\"{F(Math.Max(0, y0 - y1))}\" fill=\"{ChartPalette.Series(p)}\"><title>{Html.E(label)}: {Html.E(Parts[p])} {Html.E(Html.N(values[p], 3))} ms</title></rect>");
            }
            sb.Append("</g>\n");
            var cx = F(x + barWidth / 2);
            sb.Append($"<text class=\"tick\" transform=\"translate({cx} {Bottom + 10}) rotate(35)\" text-anchor=\"start\">{Html.E(label.Length <= 28 ? label : label[..27] + "…")}</text>\n");
        }
        var legendY = Top + 4.0;
        for (var p = Parts.Count - 1; p >= 0; p--)
        {
            sb.Append($"<rect x=\"{Right + 12}\" y=\"{F(legendY - 6)}\" width=\"14\" height=\"12\" fill=\"{ChartPalette.Series(p)}\"/><text class=\"legend\" x=\"{Right + 32}\" y=\"{F(legendY)}\" dy=\"4\">{Html.E(Parts[p])}</text>\n");
            legendY += 16;
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }
}
