namespace MaxK.Harness.Site.Charts;

/// <summary>One point of a chart series; <see cref="Tip"/> is the hover text (SVG &lt;title&gt;) naming its parameters.</summary>
public sealed record ChartPoint(double X, double Y, string Tip);
