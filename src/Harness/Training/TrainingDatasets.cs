using MaxK.Datasets;
using MaxK.Datasets.Planetoid;
using MaxK.Training;

namespace MaxK.Harness.Training;

/// <summary>
/// Resolves a dataset name of `maxk train` and the training suites to a <see cref="NodeClassificationData"/>:
/// the Planetoid sets from their pickles. (Real Reddit/GraphSAINT/OGB and the synthetic CSBM sets plug in here.)
/// </summary>
public static class TrainingDatasets
{
    /// <summary>Names this build can load.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cora", "citeseer", "pubmed"];

    /// <summary>True when the dataset is generated, not read (reports label it synthetic).</summary>
    public static bool IsSynthetic(string name) => false;

    /// <summary>Loads <paramref name="name"/> from <paramref name="dataDir"/> (or the shared datasets folder).</summary>
    /// <param name="seed">Seed of generated datasets (ignored for real ones).</param>
    public static NodeClassificationData Load(string name, string? dataDir, long seed)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        if (!Names.Contains(key))
            throw new HarnessException($"Dataset '{name}' is not supported by training in this build; supported: {string.Join(", ", Names)}.");
        var directory = dataDir ?? SharedDatasets.LocatePlanetoid()
            ?? throw new HarnessException($"No --data-dir given and no shared datasets folder found ({SharedDatasets.Describe()}).");
        return NodeClassificationData.FromPlanetoid(PlanetoidLoader.Load(directory, key));
    }
}
