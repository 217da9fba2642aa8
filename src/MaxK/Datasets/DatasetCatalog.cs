using MaxK.Datasets.GraphSaint;
using MaxK.Datasets.Ogb;
using MaxK.Datasets.Planetoid;
using MaxK.Datasets.Reddit;

namespace MaxK.Datasets;

/// <summary>The on-disk layout a catalog entry is read with.</summary>
public enum DatasetFormat
{
    Planetoid,
    DglReddit,
    GraphSaint,
    OgbNodeProperty,
}

/// <summary>A dataset the harness knows: where it comes from, which files it has, how it loads, what it should contain.</summary>
public sealed record DatasetCatalogEntry(
    string Name,
    string Description,
    DatasetFormat Format,
    IReadOnlyList<DownloadSource> Sources,
    IReadOnlyList<string> ExpectedFiles,
    ExpectedStatistics? Expected,
    bool IsMultiLabel,
    DatasetMetric Metric,
    Func<string, NodeDataset> Loader)
{
    /// <summary>
    /// Loads the dataset from its folder (DIR/&lt;name&gt;, or a subfolder of it holding the files) and checks it against
    /// <see cref="Expected"/>: a mismatch is a <see cref="DatasetIntegrityException"/>, never a dataset.
    /// </summary>
    public NodeDataset Load(string directory)
    {
        var dataset = Loader(directory);
        Verify(dataset, directory);
        return dataset;
    }

    /// <summary>Checks data loaded from <paramref name="folder"/> by other means (e.g. the Planetoid loader directly) against <see cref="Expected"/>.</summary>
    public void Verify(NodeDataset dataset, string folder)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Expected?.Verify(dataset with { Name = Name }, folder);
    }
}

/// <summary>The datasets of design §5.1 plus the Planetoid citation graphs.</summary>
public static class DatasetCatalog
{
    private const string DglBase = "https://data.dgl.ai/dataset/";
    private const string OgbBase = "http://snap.stanford.edu/ogb/data/nodeproppred/";
    private const string PlanetoidBase = "https://github.com/kimiyoung/planetoid/raw/master/data/";

    /// <summary>
    /// The entries. Edge expectations: Planetoid counts measured on the real files (Cora, CiteSeer) or derived from PyG's
    /// published count (PubMed: our loader symmetrises, so between PyG's count and twice it); the DGL/GraphSAINT/OGB counts
    /// are the published raw counts, and the loaders' preparation (de-duplication, inverse edges, symmetrisation) bounds
    /// what may come out (<see cref="EdgeCountRange"/>). Sizes and SHA-256 only where measured: the Planetoid files of
    /// Cora and CiteSeer (the shared folder's README, checked against the files); no other download was possible here.
    /// </summary>
    public static IReadOnlyList<DatasetCatalogEntry> All { get; } =
    [
        new("reddit", "Reddit posts (GraphSAGE), DGL RedditDataset", DatasetFormat.DglReddit,
            [new DownloadSource(new Uri(DglBase + "reddit.zip"), "reddit.zip", Extract: true)],
            RedditLoader.ExpectedFiles,
            new ExpectedStatistics(232_965, 114_615_892, 602, 41, 153_431, 23_831, 55_703, "stored directed entries of the symmetric adjacency")
            {
                LoadedEdges = EdgeCountRange.Deduplicated(114_615_892, "DGL's published edge count"),
            },
            false, DatasetMetric.Accuracy, dir => RedditLoader.Load(dir)),
        new("flickr", "Flickr images (GraphSAINT), DGL FlickrDataset", DatasetFormat.GraphSaint,
            [new DownloadSource(new Uri(DglBase + "flickr.zip"), "flickr.zip", Extract: true)],
            GraphSaintLoader.ExpectedFiles,
            new ExpectedStatistics(89_250, 899_756, 500, 7, 44_625, 22_312, 22_313, "stored directed entries of adj_full")
            {
                LoadedEdges = EdgeCountRange.Deduplicated(899_756, "the published count of adj_full"),
            },
            false, DatasetMetric.Accuracy, dir => GraphSaintLoader.Load(dir, "flickr")),
        new("yelp", "Yelp businesses (GraphSAINT), DGL YelpDataset; multi-label", DatasetFormat.GraphSaint,
            [new DownloadSource(new Uri(DglBase + "yelp.zip"), "yelp.zip", Extract: true)],
            GraphSaintLoader.ExpectedFiles,
            new ExpectedStatistics(716_847, 13_954_819, 300, 100, 537_635, 71_685, 107_527, "stored directed entries of adj_full; split ≈75/10/15 %, check role.json")
            {
                LoadedEdges = EdgeCountRange.Deduplicated(13_954_819, "the published count of adj_full"),
                SplitTolerance = 0.01,
            },
            true, DatasetMetric.MicroF1, dir => GraphSaintLoader.Load(dir, "yelp")),
        Ogb("ogbn-arxiv", "arxiv", "arXiv CS citations (OGB), time split",
            new ExpectedStatistics(169_343, 1_166_243, 128, 40, 90_941, 29_799, 48_603, "raw directed citations; loaded symmetrised")
            {
                LoadedEdges = EdgeCountRange.Symmetrized(1_166_243, "OGB's raw directed citations"),
            }, false),
        Ogb("ogbn-products", "products", "Amazon co-purchases (OGB), sales-rank split",
            new ExpectedStatistics(2_449_029, 61_859_140, 100, 47, 196_615, 39_323, 2_213_091, "raw undirected edges; loaded in both directions (×2)")
            {
                LoadedEdges = EdgeCountRange.Deduplicated(2 * 61_859_140L, "OGB's raw undirected edges stored in both directions"),
            }, false),
        Ogb("ogbn-proteins", "proteins", "protein associations (OGB), species split; 112 binary tasks, node features = sum of 8-dim edge features",
            new ExpectedStatistics(132_534, 39_561_252, 8, 112, 86_619, 21_236, 24_679, "raw undirected edges; loaded in both directions (×2)")
            {
                LoadedEdges = EdgeCountRange.Deduplicated(2 * 39_561_252L, "OGB's raw undirected edges stored in both directions"),
            }, true),
        Planetoid("cora", new ExpectedStatistics(2_708, 10_556, 1_433, 7, 140, 500, 1_000, "directed entries of the symmetric graph"),
            PlanetoidChecksums.Cora),
        Planetoid("citeseer", new ExpectedStatistics(3_327, 9_104, 3_703, 6, 120, 500, 1_000, "directed entries of the symmetric graph"),
            PlanetoidChecksums.CiteSeer),
        Planetoid("pubmed", new ExpectedStatistics(19_717, 88_648, 500, 3, 60, 500, 1_000, "PyG's count of directed entries, without self-loops")
            {
                LoadedEdges = EdgeCountRange.Symmetrized(88_648, "PyG's published count of the raw adjacency lists"),
            }, null),
    ];

    /// <summary>The names, in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(entry => entry.Name)];

    /// <summary>The entry for <paramref name="name"/> (case-insensitive); "arxiv", "products", "proteins" also name the OGB ones.</summary>
    public static bool TryGet(string name, out DatasetCatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.Trim().ToLowerInvariant();
        entry = All.FirstOrDefault(e => e.Name == lower || e.Name == "ogbn-" + lower)!;
        return entry is not null;
    }

    /// <summary>The entry for <paramref name="name"/>, or an <see cref="ArgumentException"/> listing the known names.</summary>
    public static DatasetCatalogEntry Get(string name) =>
        TryGet(name, out var entry)
            ? entry
            : throw new ArgumentException($"Unknown dataset '{name}'. Known datasets: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>The folder `maxk datasets fetch` writes into (see <see cref="DataRoots.ForWriting"/>): --data-dir, else $MAXK_DATA_DIR, else ./data.</summary>
    public static string DataDirectory(string? explicitDirectory = null) => DataRoots.ForWriting(explicitDirectory);

    private static DatasetCatalogEntry Ogb(string name, string archive, string description, ExpectedStatistics expected, bool multiLabel)
    {
        var kind = OgbNodeLoader.SplitKindOf(name)!;
        IReadOnlyList<string> files =
        [
            .. OgbNodeLoader.RequiredFiles,
            multiLabel ? OgbNodeLoader.EdgeFeatureFile : OgbNodeLoader.NodeFeatureFile,
            $"split/{kind}/train.csv.gz", $"split/{kind}/valid.csv.gz", $"split/{kind}/test.csv.gz",
        ];
        return new DatasetCatalogEntry(name, description, DatasetFormat.OgbNodeProperty,
            [new DownloadSource(new Uri(OgbBase + archive + ".zip"), archive + ".zip", Extract: true)],
            files, expected, multiLabel, multiLabel ? DatasetMetric.RocAuc : DatasetMetric.Accuracy,
            dir => OgbNodeLoader.Load(dir, name));
    }

    private static DatasetCatalogEntry Planetoid(string name, ExpectedStatistics expected, IReadOnlyDictionary<string, (long Bytes, string Sha256)>? checksums) =>
        new(name, $"{name} citations (Planetoid, Yang et al. 2016), standard split", DatasetFormat.Planetoid,
            [.. PlanetoidLoader.ExpectedFiles(name).Select(file => checksums is not null && checksums.TryGetValue(file, out var known)
                ? new DownloadSource(new Uri(PlanetoidBase + file), file, known.Bytes, known.Sha256)
                : new DownloadSource(new Uri(PlanetoidBase + file), file))],
            PlanetoidLoader.ExpectedFiles(name), expected, false, DatasetMetric.Accuracy,
            dir => PlanetoidLoader.Load(DatasetFolder.Resolve(dir, PlanetoidLoader.ExpectedFiles(name)), name).ToNodeDataset());
}
