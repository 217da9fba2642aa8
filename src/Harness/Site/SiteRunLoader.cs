using MaxK.Harness.Results;

namespace MaxK.Harness.Site;

/// <summary>
/// Reads every result file under a results folder (the schema folder excluded) into <see cref="SiteRun"/>s,
/// ordered by GPU, start time and path. A file that cannot be read is skipped with a warning naming it; a UTF-8 byte
/// order mark is tolerated (and left out of the page's download).
/// </summary>
public static class SiteRunLoader
{
    public static IReadOnlyList<SiteRun> Load(string resultsDirectory, TextWriter log)
    {
        if (!Directory.Exists(resultsDirectory))
            throw new HarnessException($"Results folder '{resultsDirectory}' does not exist; pass --results with the folder of result files (default: results).");
        var files = ResultSchemaValidator.ResultFiles(resultsDirectory);
        var runs = new List<SiteRun>();
        foreach (var file in files)
        {
            try
            {
                runs.Add(LoadOne(resultsDirectory, file));
            }
            catch (HarnessException ex)
            {
                log.WriteLine($"warning: skipped {ex.Message}");
            }
        }
        var slugs = runs.GroupBy(r => r.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (slugs.Count > 0)
            throw new HarnessException($"Result files map to the same page name: {string.Join(", ", slugs)}; rename one of them.");
        return runs
            .OrderBy(r => r.GpuName, StringComparer.Ordinal)
            .ThenBy(r => r.Started)
            .ThenBy(r => r.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    private static SiteRun LoadOne(string root, string file)
    {
        var result = ResultJson.Read(file);
        // Training records as ResultJson reads them (fields recorded later, such as learning_rate, dropout, weight_decay,
        // config and the curves, read as null in older files); an absent or null array and null entries read as none.
        result = result with { Training = result.Training?.OfType<TrainingRecord>().ToList() ?? [] };
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        return new SiteRun
        {
            RelativePath = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'),
            Result = result,
            RawJson = ResultJson.WithoutByteOrderMark(File.ReadAllBytes(file)).ToArray(),
            Folder = folder,
            SidecarFiles = Directory.GetFiles(folder)
                .Where(f => !f.EndsWith(".json", StringComparison.Ordinal))
                .Select(Path.GetFileName).OfType<string>()
                .Order(StringComparer.Ordinal).ToList(),
        };
    }
}
