namespace MaxK.Datasets;

/// <summary>
/// Where datasets are looked for and fetched to: one rule for `maxk train`, `maxk datasets stats|fetch`, the suites and
/// the <c>dataset:NAME</c> graph source.
/// <list type="bullet">
/// <item>Reading: an explicit --data-dir is the only root; without one, the roots are $MAXK_DATA_DIR (when set), the
/// shared datasets folder (<see cref="SharedDatasets"/>, when found), then ./data, searched in that order.</item>
/// <item>Writing (fetch): the explicit --data-dir, else $MAXK_DATA_DIR, else ./data; never the shared folder, which is
/// read-only. A fetched dataset is therefore always among the reading roots.</item>
/// </list>
/// Inside a root, <see cref="DatasetLocator"/> finds a dataset's folder.
/// </summary>
public static class DataRoots
{
    /// <summary>The default folder when neither --data-dir nor $MAXK_DATA_DIR is given: ./data.</summary>
    public const string DefaultFolder = "data";

    /// <summary>The roots to search, in order (full paths, duplicates removed); they need not exist.</summary>
    /// <exception cref="InvalidDataDirectoryException"><paramref name="explicitDirectory"/> is empty or blank.</exception>
    public static IReadOnlyList<string> ForReading(string? explicitDirectory)
    {
        if (Explicit(explicitDirectory) is { } given)
            return [given];
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable(SharedDatasets.EnvironmentVariable) is { Length: > 0 } fromEnvironment
            && !string.IsNullOrWhiteSpace(fromEnvironment))
            roots.Add(Path.GetFullPath(fromEnvironment));
        if (SharedDatasets.Locate() is { } shared)
            roots.Add(shared);
        roots.Add(Path.GetFullPath(DefaultFolder));
        return [.. roots.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The root `maxk datasets fetch` writes to: DIR/&lt;name&gt; below it.</summary>
    /// <exception cref="InvalidDataDirectoryException"><paramref name="explicitDirectory"/> is empty or blank.</exception>
    public static string ForWriting(string? explicitDirectory)
    {
        if (Explicit(explicitDirectory) is { } given)
            return given;
        var fromEnvironment = Environment.GetEnvironmentVariable(SharedDatasets.EnvironmentVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultFolder : fromEnvironment);
    }

    /// <summary>The full path of an explicit --data-dir, or null when none was given.</summary>
    /// <exception cref="InvalidDataDirectoryException">The value is empty or blank (a shell variable that expanded to nothing).</exception>
    public static string? Explicit(string? explicitDirectory)
    {
        if (explicitDirectory is null)
            return null;
        if (string.IsNullOrWhiteSpace(explicitDirectory))
            throw new InvalidDataDirectoryException(
                "--data-dir is empty: give a folder, or leave the option out to search $MAXK_DATA_DIR, the shared datasets folder and ./data.");
        return Path.GetFullPath(explicitDirectory);
    }

    /// <summary>A phrase naming the roots, for messages.</summary>
    public static string Describe(string? explicitDirectory) => string.Join(", ", ForReading(explicitDirectory).Select(r => $"'{r}'"));
}
