using MaxK.Datasets.Planetoid;

namespace MaxK.Harness.Peers;

/// <summary>
/// The folder layout PyG's <c>Planetoid(root, name)</c> reads without downloading: <c>ROOT/&lt;Name&gt;/raw/ind.&lt;name&gt;.*</c>
/// (PyG spells the names Cora, CiteSeer, PubMed and lower-cases them for the file names; processed files go beside raw/).
/// </summary>
public static class PygPlanetoid
{
    /// <summary>PyG's spelling of a Planetoid dataset, or null for other datasets.</summary>
    public static string? NameOf(string dataset) => dataset.Trim().ToLowerInvariant() switch
    {
        "cora" => "Cora",
        "citeseer" => "CiteSeer",
        "pubmed" => "PubMed",
        _ => null,
    };

    /// <summary>
    /// Copies the eight raw files of <paramref name="dataset"/> from <paramref name="rawFolder"/> into
    /// <c>workFolder/planetoid/&lt;pygName&gt;/raw/</c> (copies, not links: PyG writes processed/ beside them) and returns the root to pass.
    /// </summary>
    public static string Stage(string dataset, string pygName, string rawFolder, string workFolder)
    {
        var root = Path.Combine(workFolder, "planetoid");
        var raw = Path.Combine(root, pygName, "raw");
        Directory.CreateDirectory(raw);
        foreach (var file in PlanetoidLoader.ExpectedFiles(dataset))
            File.Copy(Path.Combine(rawFolder, file), Path.Combine(raw, file), overwrite: true);
        return root;
    }
}
