namespace MaxK.Harness.Site.Charts;

/// <summary>
/// A named series of a line chart. <see cref="Connect"/> joins points in x order (false: markers only, e.g. one
/// point per graph); <see cref="Dashed"/> marks reference series such as cuSPARSE at width k.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, bool Connect = true, bool Dashed = false);
