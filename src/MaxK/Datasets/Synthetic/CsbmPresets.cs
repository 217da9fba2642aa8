namespace MaxK.Datasets.Synthetic;

/// <summary>
/// Named CSBM datasets. Parameters are chosen so that features alone classify poorly and the graph helps a lot,
/// yet a 3-layer GraphSAGE stays clearly below 100 % (homophily low enough that neighbourhoods stay mixed).
/// </summary>
public static class CsbmPresets
{
    /// <summary>Reddit's 114,615,892 stored edges over its 232,965 nodes (design §5.1).</summary>
    public const double RedditAverageDegree = 114_615_892.0 / 232_965;

    /// <summary>
    /// Reddit-sized: 232,965 nodes, 41 balanced classes, 602 features, expected 114,615,892 directed edges (the same
    /// mean degree, ≈ 492; Poisson-like degrees, not Reddit's heavy tail), Reddit's split.
    /// </summary>
    public static CsbmOptions Reddit { get; } = new("csbm-reddit", 232_965, 41, RedditAverageDegree, Homophily: 0.06, Features: 602,
        SignalStrength: 1.0, SplitFractions.Reddit);

    /// <summary>Small instance for CI: 3,000 nodes, 7 classes, mean degree 20, 64 features, Reddit's split shares.</summary>
    public static CsbmOptions Small { get; } = new("csbm-small", 3_000, 7, 20, Homophily: 0.55, Features: 64,
        SignalStrength: 1.0, SplitFractions.Reddit);

    public static IReadOnlyList<CsbmOptions> All { get; } = [Reddit, Small];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static CsbmOptions? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
