namespace MaxK.Datasets;

/// <summary>
/// Finds the folder holding a catalog dataset's files, the same way for every command (see <see cref="DataRoots"/> for
/// the roots). In each root, in order: ROOT/&lt;name&gt; (or a folder up to two levels below it holding the files, as
/// archives often add a level; that is where `maxk datasets fetch` puts them), ROOT/planetoid for the Planetoid sets
/// (the shared folder's layout), and, for an explicit --data-dir only, ROOT itself when the files lie directly in it.
/// Subfolders of a bare root are not searched: Flickr and Yelp share file names, so ROOT/yelp must never pass for Flickr.
/// </summary>
public static class DatasetLocator
{
    /// <summary>The folder holding <paramref name="entry"/>'s files.</summary>
    /// <exception cref="DatasetNotFoundException">No root holds them; the message names every folder searched and the fetch command.</exception>
    /// <exception cref="InvalidDataDirectoryException"><paramref name="explicitDirectory"/> is empty or blank.</exception>
    public static string Locate(DatasetCatalogEntry entry, string? explicitDirectory)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var isExplicit = DataRoots.Explicit(explicitDirectory) is not null;
        var searched = new List<string>();
        foreach (var root in DataRoots.ForReading(explicitDirectory))
        {
            foreach (var (folder, searchBelow) in Candidates(entry, root, isExplicit))
            {
                searched.Add(folder);
                var found = searchBelow ? TryResolve(folder, entry.ExpectedFiles) : HasAll(folder, entry.ExpectedFiles) ? folder : null;
                if (found is not null)
                    return found;
            }
        }
        var first = searched[0];
        var missing = entry.ExpectedFiles.Where(file => !File.Exists(Path.Combine(first, file))).ToList();
        throw new DatasetNotFoundException(
            $"Dataset '{entry.Name}' not found: looked in {string.Join(", ", searched.Distinct().Select(s => $"'{s}'"))} for " +
            $"{string.Join(", ", entry.ExpectedFiles)}. Fetch it with `maxk datasets fetch {entry.Name} --data-dir {DataRoots.ForWriting(explicitDirectory)}`" +
            (isExplicit ? "." : ", or pass --data-dir."),
            first, entry.ExpectedFiles, missing);
    }

    /// <summary>The folders tried in one root, in order; <c>SearchBelow</c>: also up to two levels under it.</summary>
    public static IEnumerable<(string Folder, bool SearchBelow)> Candidates(DatasetCatalogEntry entry, string root, bool isExplicitRoot)
    {
        ArgumentNullException.ThrowIfNull(entry);
        yield return (Path.Combine(root, entry.Name), true);
        if (entry.Format == DatasetFormat.Planetoid)
            yield return (Path.Combine(root, SharedDatasets.PlanetoidSubfolder), false);
        if (isExplicitRoot)
            yield return (root, false);
    }

    private static string? TryResolve(string folder, IReadOnlyList<string> files)
    {
        try
        {
            return DatasetFolder.Resolve(folder, files);
        }
        catch (DatasetNotFoundException)
        {
            return null;
        }
    }

    private static bool HasAll(string folder, IReadOnlyList<string> files) => files.All(file => File.Exists(Path.Combine(folder, file)));
}
