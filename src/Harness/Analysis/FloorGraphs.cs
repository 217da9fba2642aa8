namespace MaxK.Harness.Analysis;

/// <summary>
/// Which kernel-benchmark graph stands for a training dataset when the loads-only floors are read for it: the
/// Reddit-sized synthetic presets of the default suite. csbm-reddit and uniform-reddit → reddit-uniform (uniform-degree
/// graphs of Reddit's size), rmat-reddit → reddit-rmat; any other dataset has none (no ceiling is derived).
/// </summary>
public static class FloorGraphs
{
    /// <summary>The kernel graph preset for <paramref name="dataset"/>, or null.</summary>
    public static string? For(string dataset) => dataset switch
    {
        "csbm-reddit" or "csbm-reddit-h30" or "uniform-reddit" => "reddit-uniform",
        "rmat-reddit" => "reddit-rmat",
        _ => null,
    };
}
