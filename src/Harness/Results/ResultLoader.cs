namespace MaxK.Harness.Results;

/// <summary>
/// Loads many result files at once (files, or folders searched recursively with the schema folder left out). A file
/// that cannot be read is reported by name in <see cref="LoadedResults.Problems"/> and the others still load.
/// </summary>
public static class ResultLoader
{
    public static LoadedResults Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var loaded = new List<(string, RunResult)>();
        var problems = new List<string>();
        foreach (var file in Files(paths))
        {
            try
            {
                loaded.Add((file, ResultJson.Read(file)));
            }
            catch (Exception ex) when (ex is HarnessException or IOException or UnauthorizedAccessException)
            {
                problems.Add(ex is HarnessException ? ex.Message : $"Result file '{file}' cannot be read: {ex.Message}");
            }
        }
        return new LoadedResults(loaded, problems);
    }

    /// <summary>The result files under the given files and folders; a path that is neither is a <see cref="HarnessException"/>.</summary>
    public static IReadOnlyList<string> Files(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(ResultSchemaValidator.ResultFiles(path));
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new HarnessException($"'{path}' is neither a result file nor a folder.");
        }
        return files;
    }
}

/// <summary>Result files that loaded (with their paths) and one message per file that did not.</summary>
public sealed record LoadedResults(IReadOnlyList<(string Path, RunResult Result)> Results, IReadOnlyList<string> Problems);
