using System.CommandLine;
using MaxK.Harness.Analysis;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk results validate</c> (checks files against the versioned schema) and <c>maxk results merge</c> (joins shards).</summary>
public static class ResultsCommand
{
    public static Command Create() => new("results", "Result files: validation and merging of shards.") { Validate(), Merge() };

    private static Command Validate()
    {
        var paths = new Argument<string[]>("paths") { Description = "Result files or folders (default: results).", Arity = ArgumentArity.ZeroOrMore };
        var validate = new Command("validate", $"Validates result files against the {RunResult.CurrentSchema} JSON Schema and its consistency rules (times in order, derived speed-ups, unique ids); exit 1 if any is invalid.") { paths };
        validate.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : ["results"];
            var files = ResultLoader.Files(given);
            if (files.Count == 0)
                throw new HarnessException($"No result files (*.json) in {string.Join(", ", given.Select(g => $"'{g}'"))}: nothing to validate; give the folder or files a run wrote.");
            var invalid = 0;
            foreach (var file in files)
            {
                var problems = ResultValidation.Validate(file);
                if (problems.Count == 0)
                    continue;
                invalid++;
                foreach (var problem in problems.Take(20))
                    output.WriteLine(problem);
            }
            output.WriteLine($"{files.Count - invalid} of {files.Count} result file(s) valid against {RunResult.CurrentSchema}.");
            output.WriteLine(RoleSummary(files));
            return invalid == 0 ? 0 : 1;
        });
        return validate;
    }

    /// <summary>
    /// "roles: 9 headline, 1 diagnostic, 5 probe (15 derived from the suite name)": what each readable file is for, as the
    /// site and the claims read it (<see cref="RunRoles.Of"/>); files written before roles existed take it from their suite.
    /// </summary>
    private static string RoleSummary(IReadOnlyList<string> files)
    {
        var manifests = new List<RunManifest>();
        foreach (var file in files)
        {
            try
            {
                manifests.Add(ResultJson.Read(file).Manifest);
            }
            catch (HarnessException)
            {
                // Named above as invalid; it has no role to count.
            }
        }
        return $"roles: {string.Join(", ", Enum.GetValues<RunRole>().Select(r => $"{manifests.Count(m => m.EffectiveRole == r)} {r.Word()}"))} "
            + $"({manifests.Count(m => m.Role is null)} derived from the suite name)";
    }

    private static Command Merge()
    {
        var dirs = new Argument<string[]>("shard-dirs") { Description = "Folders (or files) holding the shards' result files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "Results root for the merged file (<gpu-or-host>/<utc-date>_<commit8>/<suite>.json under it).", Required = true };
        var merge = new Command("merge", "Joins the result files of a sharded suite run into one (same suite and commit; every shard 1..n exactly once).") { dirs, output };
        merge.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var loaded = ResultLoader.Load(parse.GetValue(dirs)!);
            if (loaded.Problems.Count > 0)
                throw new HarnessException(string.Join(Environment.NewLine, loaded.Problems));
            var merged = ResultMerger.Merge(loaded.Results);
            var m = merged.Manifest;
            var path = ResultPaths.File(parse.GetValue(output)!, m.Gpu ?? m.Host, m, m.Suite);
            AtomicFile.WriteAllText(path, ResultJson.Serialize(merged));
            log.WriteLine($"Merged {loaded.Results.Count} file(s) (shards {string.Join(", ", m.MergedShards ?? [])}): "
                + $"{merged.Cases.Count} kernel and {merged.Training.Count} training cases into {path}");
            return 0;
        });
        return merge;
    }
}
