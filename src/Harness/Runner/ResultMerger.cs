using System.Text.Json;
using MaxK.Harness.Results;

namespace MaxK.Harness.Runner;

/// <summary>
/// Joins the result files of the shards of one suite run (<c>maxk results merge</c>). All files must come from the
/// same suite (name and file hash) and the same harness commit, else an error names the two files. A case present in
/// several files is kept once when its records are identical (cross-record fields such as speed-ups left aside, since
/// they are recomputed over the merged set) and is an error naming the case id when they differ.
/// </summary>
public static class ResultMerger
{
    public static RunResult Merge(IReadOnlyList<(string Path, RunResult Result)> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
            throw new HarnessException("Nothing to merge: no result files found in the given folders.");
        var (firstPath, first) = inputs[0];
        foreach (var (path, r) in inputs.Skip(1))
        {
            Same(firstPath, path, "suite", first.Manifest.Suite, r.Manifest.Suite);
            Same(firstPath, path, "suite_hash", first.Manifest.SuiteHash, r.Manifest.SuiteHash);
            Same(firstPath, path, "harness_commit", first.Manifest.HarnessCommit, r.Manifest.HarnessCommit);
        }
        var ordered = inputs.OrderBy(i => ShardIndex(i.Result.Manifest.Shard)).ThenBy(i => i.Path, StringComparer.Ordinal).ToList();
        var cases = Union(ordered.SelectMany(i => i.Result.Cases.Select(c => (i.Path, c.Id, Record: c, Key: Key(c)))));
        var training = Union(ordered.SelectMany(i => i.Result.Training.Select(t => (i.Path, t.Id, Record: t, Key: Key(t)))));
        var skipped = ordered.SelectMany(i => i.Result.Skipped).Distinct().ToList();
        var shards = ordered.SelectMany(i => i.Result.Manifest.MergedShards ?? (i.Result.Manifest.Shard is { } s ? [s] : []))
            .Distinct(StringComparer.Ordinal).ToList();
        var manifest = first.Manifest with
        {
            Shard = null,
            MergedShards = shards,
            HarnessDirty = inputs.Any(i => i.Result.Manifest.HarnessDirty),
            StartedUtc = inputs.Min(i => i.Result.Manifest.StartedUtc),
            FinishedUtc = inputs.Max(i => i.Result.Manifest.FinishedUtc ?? i.Result.Manifest.StartedUtc),
            Seeds = [.. inputs.SelectMany(i => i.Result.Manifest.Seeds ?? []).Distinct()],
            Gpu = inputs.Select(i => i.Result.Manifest.Gpu).FirstOrDefault(g => g is not null),
        };
        return DerivedMetrics.Apply(new RunResult { Manifest = manifest, Skipped = skipped, Cases = cases, Training = training });
    }

    private static List<T> Union<T>(IEnumerable<(string Path, string Id, T Record, string Key)> records)
    {
        var kept = new Dictionary<string, (string Path, string Key)>(StringComparer.Ordinal);
        var result = new List<T>();
        foreach (var (path, id, record, key) in records)
        {
            if (kept.TryGetValue(id, out var seen))
            {
                if (seen.Key != key)
                    throw new HarnessException($"Case '{id}' differs between '{seen.Path}' and '{path}'; not merging conflicting results.");
                continue;
            }
            kept[id] = (path, key);
            result.Add(record);
        }
        return result;
    }

    private static string Key(CaseRecord c) => JsonSerializer.Serialize(c with { Speedup = null, SpeedupBaseline = null }, ResultJson.Options);

    private static string Key(TrainingRecord t) => JsonSerializer.Serialize(t with
    {
        SpeedupBaseline = null, Speedup = null, KernelSpeedup = null, AmdahlLimit = null, AmdahlPrediction = null, AmdahlAttainment = null,
    }, ResultJson.Options);

    private static void Same(string a, string b, string field, string? x, string? y)
    {
        if (!string.Equals(x, y, StringComparison.Ordinal))
            throw new HarnessException($"Cannot merge '{b}' with '{a}': manifest {field} differs ('{y}' vs '{x}').");
    }

    private static int ShardIndex(string? shard) =>
        shard is not null && int.TryParse(shard.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : 0;
}
