namespace MaxK.Graphs.Io;

/// <summary>A folder of raw CSR graphs (how the paper's 24-graph archive unpacks): NAME.indptr + NAME.indices pairs.</summary>
public static class RawCsrDirectory
{
    /// <summary>Every NAME with both NAME.indptr and NAME.indices directly in <paramref name="directory"/>, in ordinal order; empty when none or no folder.</summary>
    public static IReadOnlyList<string> Names(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
            return [];
        return [.. Directory.EnumerateFiles(directory, "*" + RawCsrFiles.RowPointersExtension)
            .Select(path => Path.GetFileName(path)[..^RawCsrFiles.RowPointersExtension.Length])
            .Where(name => name.Length > 0 && File.Exists(RawCsrFiles.ColumnIndicesPath(directory, name)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Subfolders (one level) holding pairs, for a hint when <paramref name="directory"/> itself holds none.</summary>
    public static IReadOnlyList<string> SubfoldersWithGraphs(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateDirectories(directory).Where(d => Names(d).Count > 0).Order(StringComparer.Ordinal)]
            : [];
}
