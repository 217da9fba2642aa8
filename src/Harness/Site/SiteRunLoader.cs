using MaxK.Harness.Vocabulary;
using MaxK.Harness.Analysis;
using MaxK.Harness.Results;

namespace MaxK.Harness.Site;

/// <summary>
/// Reads every result file under a results folder (the schema folder excluded) into <see cref="SiteRun"/>s, plus local
/// runs (files or folders outside the committed results, e.g. the run <c>./build.sh Benchmark</c> just made), ordered by
/// GPU, start time and path. A local run is named <c>local/…</c> (its last three path parts: GPU, run folder, file) and
/// marked local; a local file that is also under the results folder is read once, as local. A file that cannot be read
/// is skipped with a warning naming it; a UTF-8 byte order mark is tolerated (and left out of the page's download). A
/// missing results folder is an error unless local runs are given.
/// </summary>
public static class SiteRunLoader
{
    public static IReadOnlyList<SiteRun> Load(string resultsDirectory, TextWriter log) => Load(resultsDirectory, [], log);

    public static IReadOnlyList<SiteRun> Load(string resultsDirectory, IReadOnlyList<string> local, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (!Directory.Exists(resultsDirectory) && local.Count == 0)
            throw new HarnessException($"Results folder '{resultsDirectory}' does not exist; pass --results with the folder of result files (default: results).");
        var localFiles = new List<(string File, string Relative)>();
        foreach (var path in local)
        {
            if (Directory.Exists(path))
                localFiles.AddRange(ResultSchemaValidator.ResultFiles(path).Select(f => (f, "local/" + Path.GetRelativePath(path, f).Replace(Path.DirectorySeparatorChar, '/'))));
            else if (File.Exists(path))
                localFiles.Add((path, "local/" + string.Join('/', Path.GetFullPath(path).Split(Path.DirectorySeparatorChar).TakeLast(3))));
            else
                throw new HarnessException($"Local result '{path}' is neither a result file nor a folder.");
        }
        var localFull = localFiles.Select(f => Path.GetFullPath(f.File)).ToHashSet(StringComparer.Ordinal);
        var committed = Directory.Exists(resultsDirectory) ? ResultSchemaValidator.ResultFiles(resultsDirectory).Where(f => !localFull.Contains(Path.GetFullPath(f))) : [];
        var runs = new List<SiteRun>();
        foreach (var (file, relative, isLocal) in committed.Select(f => (f, Path.GetRelativePath(resultsDirectory, f).Replace(Path.DirectorySeparatorChar, '/'), false))
            .Concat(localFiles.Select(f => (f.File, f.Relative, true))))
        {
            try
            {
                runs.Add(LoadOne(file, relative, isLocal));
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

    private static SiteRun LoadOne(string file, string relative, bool local)
    {
        var result = ResultJson.Read(file);
        // Training records as ResultJson reads them (fields recorded later, such as learning_rate, dropout, weight_decay,
        // config and the curves, read as null in older files); an absent or null array and null entries read as none.
        result = result with { Training = result.Training?.OfType<TrainingRecord>().ToList() ?? [] };
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        return new SiteRun
        {
            RelativePath = relative,
            Result = result,
            Analysis = new AnalysisRun(relative, result),
            Local = local,
            RawJson = ResultJson.WithoutByteOrderMark(File.ReadAllBytes(file)).ToArray(),
            Folder = folder,
            SidecarFiles = Directory.GetFiles(folder)
                .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".jsonl", StringComparison.Ordinal))
                .Select(Path.GetFileName).OfType<string>()
                .Order(StringComparer.Ordinal).ToList(),
        };
    }
}
