namespace MaxK.Datasets;

/// <summary>Finds the folder that holds a dataset's files: the given folder or one below it (archives often add a level).</summary>
public static class DatasetFolder
{
    /// <summary>
    /// <paramref name="directory"/> when it holds every file of <paramref name="requiredFiles"/> (relative paths),
    /// else the first subfolder (up to two levels down, in ordinal order) that does.
    /// </summary>
    /// <exception cref="DatasetNotFoundException">No such folder; names the files missing from <paramref name="directory"/>.</exception>
    public static string Resolve(string directory, IReadOnlyList<string> requiredFiles)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(requiredFiles);
        if (HasAll(directory, requiredFiles))
            return directory;
        if (Directory.Exists(directory))
        {
            foreach (var child in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                if (HasAll(child, requiredFiles))
                    return child;
                foreach (var grandchild in Directory.GetDirectories(child).Order(StringComparer.Ordinal))
                {
                    if (HasAll(grandchild, requiredFiles))
                        return grandchild;
                }
            }
        }
        var missing = requiredFiles.Where(file => !File.Exists(Path.Combine(directory, file))).ToList();
        throw new DatasetNotFoundException(directory, requiredFiles, missing);
    }

    private static bool HasAll(string directory, IReadOnlyList<string> files) =>
        files.All(file => File.Exists(Path.Combine(directory, file)));
}
