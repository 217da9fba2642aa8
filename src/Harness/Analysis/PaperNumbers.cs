namespace MaxK.Harness.Analysis;

/// <summary>
/// The MaxK-GNN paper's published numbers that results are compared with, from ../shared/docs/maxk-design.md §6
/// (values read off the paper's figures are approximate, ±5 %). Kept here, in one file, because site/content does not
/// hold a machine-readable copy yet; if the site adds one, this table should be read from there instead.
/// </summary>
public static class PaperNumbers
{
    /// <summary>§6.3: an annotated end-to-end point (Δacc against ReLU in percentage points; speed-ups per epoch).</summary>
    public sealed record EndToEnd(string Dataset, string Model, int K, double DeltaAccuracyPoints, double SpeedupVsDgl, double SpeedupVsGnnAdvisor);

    /// <summary>§6.2: the Amdahl limit lines per dataset (against DGL and against GNNAdvisor).</summary>
    public sealed record Limit(string Dataset, double VsDgl, double VsGnnAdvisor);

    /// <summary>§6.4: kernel speed-ups at D = 256 (forward SpGEMM / backward SSpMM against cuSPARSE and GNNAdvisor).</summary>
    public sealed record Kernel(string Graph, int K, double ForwardVsCuSparse, double BackwardVsCuSparse, double ForwardVsGnnAdvisor, double BackwardVsGnnAdvisor);

    public static IReadOnlyList<EndToEnd> EndToEndPoints { get; } =
    [
        new("Reddit", "sage", 16, double.NaN, 3.22, 4.24),
        new("Reddit", "sage", 32, 0.14, 2.16, 2.84),
        new("Reddit", "gcn", 16, 0.40, 3.27, 4.30),
        new("ogbn-proteins", "sage", 32, -1.64, 1.81, 2.47),
        new("ogbn-products", "sage", 32, 0.20, 1.53, 1.61),
        new("Yelp", "sage", 96, -0.37, 1.07, 1.19),
        new("Flickr", "sage", 8, 0.04, 1.08, 1.15),
    ];

    public static IReadOnlyList<Limit> Limits { get; } =
    [
        new("Reddit", 5.52, 7.27),
        new("ogbn-proteins", 6.2, 8.6),
        new("ogbn-products", 2.6, 2.65),
        new("Yelp", 1.50, 1.65),
        new("Flickr", 1.17, 1.25),
    ];

    public static IReadOnlyList<Kernel> Kernels { get; } =
    [
        new("Reddit", 8, 6.3, 9.9, 8.7, 13.7), new("Reddit", 16, 5.6, 8.2, 7.7, 11.2), new("Reddit", 32, 2.9, 3.0, 4.05, 4.1), new("Reddit", 64, 1.5, 1.5, 2.15, 2.3),
        new("ogbn-proteins", 8, 4.05, 6.0, 5.8, 8.7), new("ogbn-proteins", 16, 3.8, 4.95, 5.4, 7.15), new("ogbn-proteins", 32, 2.15, 2.2, 3.1, 3.15), new("ogbn-proteins", 64, 1.25, 1.45, 1.8, 2.05),
        new("ogbn-products", 8, 4.2, 4.7, 4.5, 5.05), new("ogbn-products", 16, 3.9, 3.75, 4.25, 4.1), new("ogbn-products", 32, 2.75, 2.5, 3.0, 2.8), new("ogbn-products", 64, 1.6, 1.4, 1.8, 1.55),
        new("Yelp", 8, 3.1, 5.3, 4.1, 6.8), new("Yelp", 16, 2.95, 4.5, 3.9, 5.9), new("Yelp", 32, 2.0, 2.35, 2.6, 3.05), new("Yelp", 64, 1.1, 1.4, 1.55, 1.75),
        new("Flickr", 8, 2.9, 4.7, 4.2, 6.8), new("Flickr", 16, 2.75, 4.25, 3.9, 6.15), new("Flickr", 32, 2.0, 2.55, 2.9, 3.6), new("Flickr", 64, 1.2, 1.6, 1.8, 2.3),
        new("ogbn-arxiv", 8, 1.9, 3.0, 3.6, 5.7), new("ogbn-arxiv", 16, 1.85, 2.9, 3.5, 5.4), new("ogbn-arxiv", 32, 1.2, 1.8, 2.25, 3.3), new("ogbn-arxiv", 64, 0.8, 1.2, 1.5, 2.2),
    ];

    /// <summary>The paper's name for one of our datasets or graph presets (null when the paper has no figure for it).</summary>
    public static string? PaperName(string ours)
    {
        ArgumentNullException.ThrowIfNull(ours);
        var key = ours.ToLowerInvariant();
        if (key.Contains("reddit", StringComparison.Ordinal))
            return "Reddit";
        foreach (var name in new[] { "ogbn-proteins", "ogbn-products", "ogbn-arxiv", "yelp", "flickr" })
        {
            if (key.EndsWith(name, StringComparison.Ordinal))
                return name.StartsWith("ogbn", StringComparison.Ordinal) ? name : char.ToUpperInvariant(name[0]) + name[1..];
        }
        return null;
    }
}
