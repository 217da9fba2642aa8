using System.Diagnostics;
using System.Text.Json;

namespace MaxK.Tests.Workflows;

/// <summary>
/// The merge job of benchmark.yml, run locally on real shard outputs: two CPU shards of the default suite
/// (<c>maxk bench --shard 1/2</c> and <c>2/2</c>) are laid out the way actions/download-artifact leaves them
/// (<c>shards/bench-&lt;label&gt;-shard-&lt;i&gt;/</c>), then the workflow's own "Merge and validate" script runs with bash.
/// Needs <c>maxk bench --shard</c> and <c>maxk results merge</c> (issue 5).
/// </summary>
public class BenchmarkMergeStepTests
{
    [Fact]
    public void MergeStepJoinsTheShardsIntoOneValidResultSet()
    {
        var maxk = BuiltHarness();
        using var dir = new ScratchFolder();
        foreach (var shard in new[] { 1, 2 })
        {
            var (code, output) = Run(dir.Path, "dotnet", [maxk, "bench", "--suite", "default", "--cpu-only", "--runs", "1", "--warmup", "0",
                "--shard", $"{shard}/2", "--output", Path.Combine("shards", $"bench-cpu-shard-{shard}")], []);
            Assert.True(code == 0, $"bench shard {shard}/2 failed ({code}):\n{output}");
        }
        var shardIds = new[] { 1, 2 }.Select(s => RecordIds(Path.Combine(dir.Path, "shards", $"bench-cpu-shard-{s}"))).ToList();
        Assert.All(shardIds, ids => Assert.NotEmpty(ids));
        Assert.Empty(shardIds[0].Intersect(shardIds[1]));

        // The workflow calls the harness at its build path; point that path at the harness these tests were built with.
        var linked = Path.Combine(dir.Path, "src", "Harness", "bin", "Release");
        Directory.CreateDirectory(linked);
        Directory.CreateSymbolicLink(Path.Combine(linked, "net10.0"), Path.GetDirectoryName(maxk)!);
        var script = MergeScript();
        var summary = Path.Combine(dir.Path, "summary.md");
        var (exit, log) = Run(dir.Path, "bash", ["-eo", "pipefail", "-c", script], new() { ["GITHUB_STEP_SUMMARY"] = summary, ["RUNNER_LABEL"] = "cpu" });
        Assert.True(exit == 0, $"merge step failed ({exit}):\n{log}");

        var merged = RecordIds(Path.Combine(dir.Path, "merged"));
        Assert.Equal(shardIds[0].Concat(shardIds[1]).Order(), merged.Order());
        Assert.Contains("results-cpu", File.ReadAllText(summary));
    }

    /// <summary>The run script of the merge job's "Merge and validate" step, as committed.</summary>
    private static string MergeScript()
    {
        var workflow = WorkflowFile.Load(Path.Combine(RepositoryPaths.Workflows(), "benchmark.yml"));
        var step = WorkflowFile.Steps(workflow.Jobs["merge"]).Single(s => WorkflowFile.Text(s, "name") == "Merge and validate");
        return WorkflowFile.Text(step, "run")!;
    }

    /// <summary>The maxk.dll of the repository build in this test's configuration (./build.sh Build makes it).</summary>
    private static string BuiltHarness()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(RepositoryPaths.Root(), "src", "Harness", "bin", configuration, "net10.0", "maxk.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution first");
        return dll;
    }

    /// <summary>The id of every kernel case and training record in the result files under <paramref name="folder"/>.</summary>
    private static List<string> RecordIds(string folder)
    {
        var ids = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var list in new[] { "cases", "training" })
            {
                if (json.RootElement.TryGetProperty(list, out var records) && records.ValueKind == JsonValueKind.Array)
                    ids.AddRange(records.EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            }
        }
        return ids;
    }

    private static (int Exit, string Output) Run(string folder, string program, IEnumerable<string> args, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        foreach (var (k, v) in env)
            start.Environment[k] = v;
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10))) // a hang guard, not a speed limit
        {
            p.Kill(entireProcessTree: true);
            return (-1, "hung: no exit after 10 minutes");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
