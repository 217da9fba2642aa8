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

/// <summary>
/// One file to download. <paramref name="ExpectedBytes"/> and <paramref name="Sha256"/> are null where not
/// known here (no downloads were possible when the catalog was written): the fetcher then checks the size the
/// server reports in Content-Length, and no checksum. <paramref name="Extract"/>: unzip after download.
/// </summary>
public sealed record DownloadSource(Uri Url, string FileName, long? ExpectedBytes = null, string? Sha256 = null, bool Extract = false);

/// <summary>Published statistics (design §5.1); edges are the raw files' own counts (see <see cref="EdgeNote"/>).</summary>
public sealed record ExpectedStatistics(int Nodes, long Edges, int Features, int Classes, int Train, int Val, int Test, string EdgeNote);

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
    /// <summary>Loads the dataset from its folder (DIR/&lt;name&gt;, or a subfolder of it holding the files).</summary>
    public NodeDataset Load(string directory) => Loader(directory);
}

/// <summary>The datasets of design §5.1 plus the Planetoid citation graphs.</summary>
public static class DatasetCatalog
{
    private const string DglBase = "https://data.dgl.ai/dataset/";
    private const string OgbBase = "http://snap.stanford.edu/ogb/data/nodeproppred/";
    private const string PlanetoidBase = "https://github.com/kimiyoung/planetoid/raw/master/data/";

    public static IReadOnlyList<DatasetCatalogEntry> All { get; } =
    [
        new("reddit", "Reddit posts (GraphSAGE), DGL RedditDataset", DatasetFormat.DglReddit,
            [new DownloadSource(new Uri(DglBase + "reddit.zip"), "reddit.zip", Extract: true)],
            RedditLoader.ExpectedFiles,
            new ExpectedStatistics(232_965, 114_615_892, 602, 41, 153_431, 23_831, 55_703, "stored directed entries of the symmetric adjacency"),
            false, DatasetMetric.Accuracy, dir => RedditLoader.Load(dir)),
        new("flickr", "Flickr images (GraphSAINT), DGL FlickrDataset", DatasetFormat.GraphSaint,
            [new DownloadSource(new Uri(DglBase + "flickr.zip"), "flickr.zip", Extract: true)],
            GraphSaintLoader.ExpectedFiles,
            new ExpectedStatistics(89_250, 899_756, 500, 7, 44_625, 22_312, 22_313, "stored directed entries of adj_full"),
            false, DatasetMetric.Accuracy, dir => GraphSaintLoader.Load(dir, "flickr")),
        new("yelp", "Yelp businesses (GraphSAINT), DGL YelpDataset; multi-label", DatasetFormat.GraphSaint,
            [new DownloadSource(new Uri(DglBase + "yelp.zip"), "yelp.zip", Extract: true)],
            GraphSaintLoader.ExpectedFiles,
            new ExpectedStatistics(716_847, 13_954_819, 300, 100, 537_635, 71_685, 107_527, "stored directed entries of adj_full; split ≈75/10/15 %, check role.json"),
            true, DatasetMetric.MicroF1, dir => GraphSaintLoader.Load(dir, "yelp")),
        Ogb("ogbn-arxiv", "arxiv", "arXiv CS citations (OGB), time split",
            new ExpectedStatistics(169_343, 1_166_243, 128, 40, 90_941, 29_799, 48_603, "raw directed citations; loaded symmetrised"), false),
        Ogb("ogbn-products", "products", "Amazon co-purchases (OGB), sales-rank split",
            new ExpectedStatistics(2_449_029, 61_859_140, 100, 47, 196_615, 39_323, 2_213_091, "raw undirected edges; loaded in both directions (×2)"), false),
        Ogb("ogbn-proteins", "proteins", "protein associations (OGB), species split; 112 binary tasks, node features = sum of 8-dim edge features",
            new ExpectedStatistics(132_534, 39_561_252, 8, 112, 86_619, 21_236, 24_679, "raw undirected edges; loaded in both directions (×2)"), true),
        Planetoid("cora", new ExpectedStatistics(2_708, 10_556, 1_433, 7, 140, 500, 1_000, "directed entries of the symmetric graph")),
        Planetoid("citeseer", new ExpectedStatistics(3_327, 9_104, 3_703, 6, 120, 500, 1_000, "directed entries of the symmetric graph")),
        Planetoid("pubmed", new ExpectedStatistics(19_717, 88_648, 500, 3, 60, 500, 1_000, "directed entries of the symmetric graph")),
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

    /// <summary>The data folder: <paramref name="explicitDirectory"/>, else $MAXK_DATA_DIR, else ./data.</summary>
    public static string DataDirectory(string? explicitDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
            return Path.GetFullPath(explicitDirectory);
        var fromEnvironment = Environment.GetEnvironmentVariable(SharedDatasets.EnvironmentVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(fromEnvironment) ? "data" : fromEnvironment);
    }

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

    private static DatasetCatalogEntry Planetoid(string name, ExpectedStatistics expected) =>
        new(name, $"{name} citations (Planetoid, Yang et al. 2016), standard split", DatasetFormat.Planetoid,
            [.. PlanetoidLoader.ExpectedFiles(name).Select(file => new DownloadSource(new Uri(PlanetoidBase + file), file))],
            PlanetoidLoader.ExpectedFiles(name), expected, false, DatasetMetric.Accuracy,
            dir => PlanetoidLoader.Load(DatasetFolder.Resolve(dir, PlanetoidLoader.ExpectedFiles(name)), name).ToNodeDataset());
}
