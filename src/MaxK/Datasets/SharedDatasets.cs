namespace MaxK.Datasets;

/// <summary>
/// Finds the project's shared datasets folder (real public data kept beside the repository, never committed):
/// the folder named by <see cref="EnvironmentVariable"/> when that folder exists, else the first <c>shared/datasets</c> or
/// <c>../shared/datasets</c> found walking up from the application folder, then from the current directory.
/// </summary>
public static class SharedDatasets
{
    /// <summary>Environment variable that overrides the search with an explicit folder.</summary>
    public const string EnvironmentVariable = "MAXK_DATA_DIR";

    /// <summary>Subfolder of the datasets folder holding the Planetoid files (<c>ind.cora.*</c>).</summary>
    public const string PlanetoidSubfolder = "planetoid";

    /// <summary>The datasets folder, or null when none exists (callers skip or report, naming <see cref="Describe"/>).</summary>
    public static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && Directory.Exists(fromEnvironment))
            return Path.GetFullPath(fromEnvironment);
        return SearchUpwards(AppContext.BaseDirectory) ?? SearchUpwards(Directory.GetCurrentDirectory());
    }

    /// <summary>The Planetoid folder under the located datasets folder, or null when absent.</summary>
    public static string? LocatePlanetoid()
    {
        var root = Locate();
        var planetoid = root is null ? null : Path.Combine(root, PlanetoidSubfolder);
        return planetoid is not null && Directory.Exists(planetoid) ? planetoid : null;
    }

    /// <summary>A sentence saying where the datasets folder is looked for, for skip and error messages.</summary>
    public static string Describe() =>
        $"${EnvironmentVariable}, or shared/datasets or ../shared/datasets above '{AppContext.BaseDirectory}' " +
        $"or '{Directory.GetCurrentDirectory()}'";

    private static string? SearchUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(directory.FullName, "shared", "datasets"),
                                              Path.Combine(directory.FullName, "..", "shared", "datasets") })
            {
                if (Directory.Exists(candidate))
                    return Path.GetFullPath(candidate);
            }
        }
        return null;
    }
}
