namespace MaxK.Harness.Site.Charts;

/// <summary>A horizontal reference line across the plot, e.g. "cuSPARSE ALG2 = 1×" or "measured bandwidth".</summary>
public sealed record ReferenceLine(string Name, double Y);
