using static MaxK.Graphs.Synthetic.GraphPresetCategory;

namespace MaxK.Graphs.Synthetic;

/// <summary>
/// The catalogue of synthetic graph presets: the paper's six training datasets (design §5.1 sizes), its 24
/// kernel-benchmark graphs (design §5.2, named "kernel-&lt;paper name&gt;", exact node and edge counts), the two
/// Reddit-sized baseline graphs of platform notes §2.2, and small graphs for tests.
/// <para>
/// Generator choice: power-law real graphs (social, citation, co-purchase, web, RDF) use R-MAT with the
/// Graph500 probabilities. Uniform is used (1) for dense graphs with average degree above 50 (Reddit, ddi,
/// ppa, ogbn-products and ogbn-proteins as benchmarked), because R-MAT's hub rows saturate there and
/// de-duplication would drop a large share of the edges (31.6 % for Reddit), while E and the mean degree are
/// what set SpMM cost — <see cref="RedditRmat"/> is the power-law Reddit-sized variant; and (2) for the TU
/// collections (DD, OVCAR-8H, SW-620H, Yeast, PROTEINS_full, TWITTER-Partial), unions of many small graphs
/// whose degrees are small and bounded, without hubs.
/// </para>
/// </summary>
public static class GraphPresets
{
    private const string Design51 = "design §5.1 training-dataset size";
    private const string Design52 = "design §5.2 kernel-benchmark graph";

    public static GraphPreset RedditUniform { get; } = GraphPreset.Uniform("reddit-uniform", Baseline, 232_965, 114_615_892,
        "Reddit-sized uniform random graph, the cuSPARSE baseline of platform notes §2.2");

    public static GraphPreset RedditRmat { get; } = GraphPreset.Rmat("reddit-rmat", Baseline, 232_965, 114_615_892,
        "Reddit-sized R-MAT graph (a=0.57, b=0.19, c=0.19, de-duplicated), the cuSPARSE baseline of platform notes §2.2");

    public static GraphPreset TinyUniform { get; } = GraphPreset.Uniform("tiny-uniform", Test, 1_000, 20_000,
        "small uniform graph for unit tests and CPU runs");

    public static GraphPreset TinyRmat { get; } = GraphPreset.Rmat("tiny-rmat", Test, 1_000, 20_000,
        "small R-MAT graph for unit tests and CPU runs");

    public static GraphPreset SmallRmat { get; } = GraphPreset.Rmat("small-rmat", Test, 20_000, 400_000,
        "medium R-MAT graph for CPU runs");

    /// <summary>The six training datasets of design §5.1, with the loaders' edge counts as listed there.</summary>
    public static IReadOnlyList<GraphPreset> TrainingDatasets { get; } =
    [
        GraphPreset.Uniform("reddit", TrainingDataset, 232_965, 114_615_892, $"DGL Reddit, {Design51}; dense (avg degree 492), so uniform"),
        GraphPreset.Rmat("flickr", TrainingDataset, 89_250, 899_756, $"GraphSAINT Flickr, {Design51}"),
        GraphPreset.Rmat("yelp", TrainingDataset, 716_847, 13_954_819, $"GraphSAINT Yelp, {Design51}"),
        GraphPreset.Rmat("ogbn-arxiv", TrainingDataset, 169_343, 1_166_243, $"OGB ogbn-arxiv (directed), {Design51}"),
        GraphPreset.Rmat("ogbn-products", TrainingDataset, 2_449_029, 61_859_140,
            $"OGB ogbn-products, {Design51} (undirected pair count; kernel-ogbn-products stores both directions)"),
        GraphPreset.Uniform("ogbn-proteins", TrainingDataset, 132_534, 39_561_252,
            $"OGB ogbn-proteins, {Design51} (undirected pair count); dense (avg degree 299), so uniform"),
    ];

    /// <summary>The 24 kernel-benchmark graphs of design §5.2 with their exact node and edge counts.</summary>
    public static IReadOnlyList<GraphPreset> KernelBenchmarks { get; } =
    [
        Kernel("am", 881_680, 5_668_682, SyntheticGraphKind.Rmat, "DGL AM (RDF)"),
        Kernel("amazon0505", 410_236, 4_878_874, SyntheticGraphKind.Rmat, "SNAP, via GNNAdvisor"),
        Kernel("amazon0601", 403_394, 5_478_357, SyntheticGraphKind.Rmat, "SNAP, via GNNAdvisor"),
        Kernel("artist", 50_515, 1_638_396, SyntheticGraphKind.Rmat, "GNNAdvisor"),
        Kernel("citation", 2_927_963, 30_387_995, SyntheticGraphKind.Rmat, "ogbl-citation2 train edges"),
        Kernel("collab", 235_868, 2_358_104, SyntheticGraphKind.Rmat, "ogbl-collab (2x train edges)"),
        Kernel("com-amazon", 334_863, 1_851_744, SyntheticGraphKind.Rmat, "SNAP, via GNNAdvisor"),
        Kernel("DD", 334_925, 1_686_092, SyntheticGraphKind.Uniform, "TU, via GNNAdvisor; union of small graphs"),
        Kernel("ddi", 4_267, 2_135_822, SyntheticGraphKind.Uniform, "ogbl-ddi (2x train edges); dense"),
        Kernel("Flickr", 89_250, 989_006, SyntheticGraphKind.Rmat, "GraphSAINT + 1 self-loop per node"),
        Kernel("ogbn-arxiv", 169_343, 1_166_243, SyntheticGraphKind.Rmat, "OGB (directed)"),
        Kernel("ogbn-products", 2_449_029, 123_718_280, SyntheticGraphKind.Uniform, "OGB (both directions); dense"),
        Kernel("ogbn-proteins", 132_534, 79_122_504, SyntheticGraphKind.Uniform, "OGB (both directions); dense"),
        Kernel("OVCAR-8H", 1_889_542, 3_946_402, SyntheticGraphKind.Uniform, "TU, via GNNAdvisor; union of small graphs"),
        Kernel("ppa", 576_289, 42_463_862, SyntheticGraphKind.Uniform, "ogbl-ppa (2x train edges); dense"),
        Kernel("PROTEINS_full", 43_466, 162_088, SyntheticGraphKind.Uniform, "TU, via GNNAdvisor; union of small graphs"),
        Kernel("pubmed", 19_717, 99_203, SyntheticGraphKind.Rmat, "Planetoid, via GNNAdvisor"),
        Kernel("ppi", 56_944, 818_716, SyntheticGraphKind.Rmat, "GNNAdvisor"),
        Kernel("Reddit", 232_965, 114_615_891, SyntheticGraphKind.Uniform, "DGL Reddit (file \"reddit.dgl\"); dense"),
        Kernel("SW-620H", 1_888_584, 3_944_206, SyntheticGraphKind.Uniform, "TU, via GNNAdvisor; union of small graphs"),
        Kernel("TWITTER-Partial", 580_768, 1_435_116, SyntheticGraphKind.Uniform, "TU, via GNNAdvisor; union of small graphs"),
        Kernel("Yeast", 1_710_902, 3_636_546, SyntheticGraphKind.Uniform, "TU, via GNNAdvisor; union of small graphs"),
        Kernel("Yelp", 716_847, 13_954_819, SyntheticGraphKind.Rmat, "GraphSAINT (\"Yelp2\" in the paper's figure)"),
        Kernel("youtube", 1_138_499, 5_980_886, SyntheticGraphKind.Rmat, "soc-youtube (both directions)"),
    ];

    /// <summary>Every preset: training datasets, kernel benchmarks, baselines, then test graphs.</summary>
    public static IReadOnlyList<GraphPreset> All { get; } =
        [.. TrainingDatasets, .. KernelBenchmarks, RedditUniform, RedditRmat, TinyUniform, TinyRmat, SmallRmat];

    /// <summary>Every preset name, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    private static readonly Dictionary<string, GraphPreset> ByName =
        All.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The preset called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="UnknownGraphPresetException">No such preset; the message lists the valid names.</exception>
    public static GraphPreset Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.TryGetValue(name, out var preset) ? preset : throw new UnknownGraphPresetException(name, Names);
    }

    /// <summary>Looks a preset up by name (case-insensitive) without throwing.</summary>
    public static bool TryGet(string name, out GraphPreset? preset) => ByName.TryGetValue(name, out preset);

    private static GraphPreset Kernel(string paperName, int nodes, long edges, SyntheticGraphKind kind, string origin)
    {
        var name = "kernel-" + paperName;
        var source = $"{Design52} '{paperName}' (likely origin: {origin})";
        return kind == SyntheticGraphKind.Uniform
            ? GraphPreset.Uniform(name, KernelBenchmark, nodes, edges, source)
            : GraphPreset.Rmat(name, KernelBenchmark, nodes, edges, source);
    }
}
