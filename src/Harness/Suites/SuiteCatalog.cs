using MaxK.Naming;

namespace MaxK.Harness.Suites;

/// <summary>
/// Finds a suite by name or path: an existing file path (or any name ending in .json) is read as is; a bare name is
/// looked up as suites/&lt;name&gt;.json in the working folder, then next to the harness (the build copies suites/ there,
/// so bundles carry them).
/// </summary>
public static class SuiteCatalog
{
    public static SuiteDefinition Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (File.Exists(nameOrPath) || nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(nameOrPath))
                throw new HarnessException($"Suite file '{nameOrPath}' does not exist.");
            return SuiteFileReader.Read(nameOrPath);
        }
        foreach (var folder in Folders())
        {
            var path = Path.Combine(folder, nameOrPath + ".json");
            if (File.Exists(path))
                return SuiteFileReader.Read(path);
        }
        var names = Names();
        throw new HarnessException($"Unknown suite '{nameOrPath}'.{NameSuggestions.DidYouMean(nameOrPath, names)} Available: {string.Join(", ", names)} (or give a suite file path).");
    }

    /// <summary>Names of the suites found in the search folders.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Folders().Where(Directory.Exists).SelectMany(f => Directory.GetFiles(f, "*.json")).Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Folders() =>
        [Path.Combine(Environment.CurrentDirectory, "suites"), Path.Combine(AppContext.BaseDirectory, "suites")];
}
