using MaxK.Datasets;
using MaxK.Datasets.Planetoid;
using MaxK.Datasets.Synthetic;
using MaxK.Graphs.Synthetic;
using MaxK.Naming;
using MaxK.Training;

namespace MaxK.Harness.Training;

/// <summary>
/// Resolves a dataset name of `maxk train` and the training suites to a <see cref="NodeClassificationData"/>:
/// the real datasets from their files (Planetoid pickles, DGL Reddit, GraphSAINT, OGB raw) and the generated ones
/// (CSBM; Reddit-sized R-MAT and uniform graphs with class-mean features). Preparation follows MaxK-GNN's loaders
/// (design §4): DGL's AddSelfLoop for the non-OGB graphs, for ogbn-arxiv and for the synthetic ones; none for
/// ogbn-products (the SAGE script's setting) and ogbn-proteins; Planetoid features row-normalised, the others as stored.
/// </summary>
public static class TrainingDatasets
{
    /// <summary>The generated datasets (no files needed; the seed picks the instance).</summary>
    public static IReadOnlyList<string> SyntheticNames { get; } = ["csbm-reddit", "csbm-reddit-h30", "csbm-small", "rmat-reddit", "uniform-reddit"];

    /// <summary>Names this build can load, real then synthetic.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "cora", "citeseer", "pubmed", "reddit", "flickr", "yelp", "ogbn-arxiv", "ogbn-products", "ogbn-proteins",
        .. SyntheticNames,
    ];

    private static readonly string[] PlanetoidNames = ["cora", "citeseer", "pubmed"];

    /// <summary>Real datasets trained on without self-loops (design §4: ogbn-products' SAGE script, ogbn-proteins).</summary>
    private static readonly string[] WithoutSelfLoops = ["ogbn-products", "ogbn-proteins"];

    /// <summary>True when the dataset is generated, not read (reports label it synthetic).</summary>
    public static bool IsSynthetic(string name) => name is not null && (SyntheticNames.Contains(Key(name)) || CsbmSpec.IsSpec(name));

    /// <summary>Loads or generates <paramref name="name"/>.</summary>
    /// <param name="dataDir">
    /// Folder of a real dataset's files, or the datasets folder holding it as DIR/&lt;name&gt; (Planetoid: DIR/planetoid);
    /// default: the shared datasets folder (<see cref="SharedDatasets"/>), else $MAXK_DATA_DIR or ./data. Unused for synthetic datasets.
    /// </param>
    /// <param name="seed">Seed of generated datasets (ignored for real ones).</param>
    /// <exception cref="HarnessException">Unknown name, or the files are missing (the message names the folder and the fetch command) or corrupt.</exception>
    public static NodeClassificationData Load(string name, string? dataDir, long seed)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Key(name);
        if (!Names.Contains(key) && !CsbmSpec.IsSpec(key))
            throw new HarnessException($"Dataset '{name}' is not supported by training.{NameSuggestions.DidYouMean(name, Names)} Supported: {string.Join(", ", Names)}, "
                + $"or a CSBM of any size as {CsbmSpec.Prefix}nodes=N,classes=C,degree=D,homophily=H,features=F,signal=S.");
        return IsSynthetic(key) ? Generate(key, unchecked((ulong)seed)) : LoadReal(key, dataDir);
    }

    /// <summary>Generates a synthetic dataset, self-loops added as for Reddit.</summary>
    public static NodeClassificationData Generate(string name, ulong seed)
    {
        var key = Key(name);
        if (Csbm(key) is { } csbm)
            return NodeClassificationData.FromNodeDataset(CsbmGenerator.Generate(csbm, seed), addSelfLoops: true, csbm.Description);
        var preset = key switch
        {
            "rmat-reddit" => GraphPresets.RedditRmat,
            "uniform-reddit" => GraphPresets.RedditUniform,
            _ => throw new HarnessException($"Dataset '{name}' is not a synthetic dataset; synthetic: {string.Join(", ", SyntheticNames)}."),
        };
        var dataset = GraphFeatureDataset.Generate(key, preset, GraphFeatureDataset.RedditFeatures, GraphFeatureDataset.RedditClasses,
            GraphFeatureDataset.RedditSignalStrength, SplitFractions.Reddit, seed);
        return NodeClassificationData.FromNodeDataset(dataset, addSelfLoops: true, GraphFeatureDataset.Describe(preset));
    }

    /// <summary>The CSBM a spec (csbm:…) or preset name stands for, or null; a bad spec is a <see cref="HarnessException"/>.</summary>
    private static CsbmOptions? Csbm(string key)
    {
        if (!CsbmSpec.IsSpec(key))
            return CsbmPresets.Find(key);
        try
        {
            return CsbmSpec.Parse(key);
        }
        catch (ArgumentException e)
        {
            throw new HarnessException(e.Message, e);
        }
    }

    private static NodeClassificationData LoadReal(string key, string? dataDir)
    {
        var root = dataDir ?? SharedDatasets.Locate() ?? DatasetCatalog.DataDirectory();
        var isPlanetoid = PlanetoidNames.Contains(key);
        var folder = Folder(root, key, isPlanetoid, explicitDirectory: dataDir is not null);
        try
        {
            if (isPlanetoid)
                return NodeClassificationData.FromPlanetoid(PlanetoidLoader.Load(DatasetFolder.Resolve(folder, PlanetoidLoader.ExpectedFiles(key)), key));
            var dataset = DatasetCatalog.Get(key).Load(folder);
            return NodeClassificationData.FromNodeDataset(dataset, addSelfLoops: !WithoutSelfLoops.Contains(key));
        }
        catch (DatasetNotFoundException e)
        {
            throw new HarnessException($"Dataset '{key}' not found in folder '{folder}' ({e.Message}) "
                + $"Download it with `maxk datasets fetch {key} --data-dir {FetchRoot(root, folder, key)}`, or pass --data-dir.", e);
        }
        catch (CorruptDatasetException e)
        {
            throw new HarnessException($"Dataset '{key}' in folder '{folder}' is corrupt: {e.Message}", e);
        }
    }

    /// <summary>
    /// The dataset's folder: DIR/&lt;name&gt; when it exists (GraphSAINT's Flickr and Yelp share file names, so a parent
    /// folder alone is ambiguous), for Planetoid also DIR/planetoid; else DIR itself when given explicitly, else DIR/&lt;name&gt;.
    /// </summary>
    private static string Folder(string root, string key, bool isPlanetoid, bool explicitDirectory)
    {
        var named = Path.Combine(root, key);
        if (Directory.Exists(named))
            return named;
        if (isPlanetoid)
        {
            var planetoid = Path.Combine(root, SharedDatasets.PlanetoidSubfolder);
            if (Directory.Exists(planetoid))
                return planetoid;
        }
        return explicitDirectory ? root : named;
    }

    /// <summary>The --data-dir for `maxk datasets fetch`, which writes to DIR/&lt;name&gt;.</summary>
    private static string FetchRoot(string root, string folder, string key) =>
        folder == Path.Combine(root, key) ? root : Path.GetDirectoryName(Path.GetFullPath(folder)) ?? root;

    private static string Key(string name) => name.Trim().ToLowerInvariant();
}
