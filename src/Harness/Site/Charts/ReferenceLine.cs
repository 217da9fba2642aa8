namespace MaxK.Harness.Site.Charts;

/// <summary>
/// A horizontal reference line across the plot, e.g. "cuSPARSE ALG2 = 1×" or "measured bandwidth". Each line of a chart
/// gets its own dash pattern and grey (<see cref="ChartPalette.ReferenceStyle"/>), shown the same way in the legend.
/// </summary>
public sealed record ReferenceLine(string Name, double Y);
