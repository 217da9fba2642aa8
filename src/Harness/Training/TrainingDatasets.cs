using MaxK.Datasets;
using MaxK.Datasets.Planetoid;
using MaxK.Datasets.Synthetic;
using MaxK.Graphs.Synthetic;
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
    /// default: $MAXK_DATA_DIR, the shared datasets folder, ./data (<see cref="DataRoots"/>). Unused for synthetic datasets.
    /// </param>
    /// <param name="seed">Seed of generated datasets (ignored for real ones).</param>
    /// <exception cref="HarnessException">Unknown name, or the files are missing (the message names the folders and the fetch command),
    /// corrupt, or do not match the catalog's statistics.</exception>
    public static NodeClassificationData Load(string name, string? dataDir, long seed)
    {
        ArgumentNullException.ThrowIfNull(name);
        _ = DataRoots.Explicit(dataDir); // an empty --data-dir is an error even for generated datasets
        var key = Key(name);
        if (!Names.Contains(key) && !CsbmSpec.IsSpec(key))
            throw new HarnessException($"Dataset '{name}' is not supported by training; supported: {string.Join(", ", Names)}, "
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

    /// <summary>
    /// Loads a real dataset from the folder <see cref="DatasetLocator"/> finds (the same rule as `maxk datasets stats|fetch`)
    /// and checks it against the catalog's statistics: a mismatch (a corrupt or foreign file) is refused, never trained on.
    /// </summary>
    private static NodeClassificationData LoadReal(string key, string? dataDir)
    {
        var entry = DatasetCatalog.Get(key);
        string folder;
        try
        {
            folder = DatasetLocator.Locate(entry, dataDir);
        }
        catch (DatasetNotFoundException e)
        {
            throw new HarnessException(e.Message, e);
        }
        try
        {
            if (PlanetoidNames.Contains(key))
            {
                var planetoid = PlanetoidLoader.Load(folder, key);
                entry.Verify(planetoid.ToNodeDataset(), folder);
                return NodeClassificationData.FromPlanetoid(planetoid);
            }
            var dataset = entry.Load(folder);
            return NodeClassificationData.FromNodeDataset(dataset, addSelfLoops: !WithoutSelfLoops.Contains(key));
        }
        catch (DatasetNotFoundException e)
        {
            throw new HarnessException($"Dataset '{key}' not found in folder '{folder}' ({e.Message})", e);
        }
        catch (Exception e) when (e is CorruptDatasetException or DatasetIntegrityException)
        {
            throw new HarnessException(e is DatasetIntegrityException ? e.Message : $"Dataset '{key}' in folder '{folder}' is corrupt: {e.Message}", e);
        }
    }

    /// <summary>The folder holding <paramref name="name"/>'s raw files (see <see cref="DatasetLocator"/>); for peers that read them themselves.</summary>
    /// <exception cref="HarnessException">Not a catalog dataset, or not found (the message names the folders searched).</exception>
    public static string RawFolder(string name, string? dataDir)
    {
        var key = Key(name);
        if (!DatasetCatalog.TryGet(key, out var entry))
            throw new HarnessException($"Dataset '{name}' has no raw files (it is generated or unknown).");
        try
        {
            return DatasetLocator.Locate(entry, dataDir);
        }
        catch (DatasetNotFoundException e)
        {
            throw new HarnessException(e.Message, e);
        }
    }

    private static string Key(string name) => name.Trim().ToLowerInvariant();
}
