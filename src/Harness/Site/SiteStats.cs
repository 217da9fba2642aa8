using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>Small statistics for summary rows.</summary>
public static class SiteStats
{
    /// <summary>Geometric mean of the positive finite values, or null when there are none.</summary>
    public static double? GeoMean(IEnumerable<double?> values)
    {
        var v = values.OfType<double>().Where(x => x > 0 && double.IsFinite(x)).ToList();
        return v.Count == 0 ? null : Math.Exp(v.Average(Math.Log));
    }
}
