using YamlDotNet.RepresentationModel;

namespace MaxK.Tests.Workflows;

/// <summary>
/// The repository's own workflows (.github/workflows): every file passes <see cref="WorkflowPolicy"/> against the real
/// build targets and maxk command tree, and each workflow does the job issue 7 gives it.
/// </summary>
public class RepositoryWorkflowsTests
{
    private static WorkflowFile Load(string name) => WorkflowFile.Load(Path.Combine(RepositoryPaths.Workflows(), name));

    private static IEnumerable<string> RunScripts(YamlMappingNode job) =>
        WorkflowFile.Steps(job).Select(s => WorkflowFile.Text(s, "run")).OfType<string>();

    [Fact]
    public void EveryWorkflowPassesThePolicy()
    {
        var policy = new WorkflowPolicy(StepCommandCatalog.ForRepository(RepositoryPaths.BuildCake()));
        var files = Directory.GetFiles(RepositoryPaths.Workflows(), "*.y*ml");
        Assert.Equal(["benchmark.yml", "ci.yml", "pages.yml"], files.Select(Path.GetFileName).Order());
        var problems = files.SelectMany(f => policy.Check(WorkflowFile.Load(f))).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void EveryRunScriptIsValidBash()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Workflows(), "*.yml"))
        {
            foreach (var (id, job) in WorkflowFile.Load(file).Jobs)
            {
                foreach (var script in RunScripts(job))
                {
                    var start = new System.Diagnostics.ProcessStartInfo("bash", ["-n", "-c", script]) { RedirectStandardError = true };
                    using var bash = System.Diagnostics.Process.Start(start)!;
                    var error = bash.StandardError.ReadToEnd();
                    bash.WaitForExit();
                    Assert.True(bash.ExitCode == 0, $"{Path.GetFileName(file)} job '{id}': bash -n says {error}");
                }
            }
        }
    }

    [Fact]
    public void CiRunsOnEveryPushAndPullRequestLikeCiRun()
    {
        var ci = Load("ci.yml");
        Assert.True(ci.Triggers.ContainsKey("push") && ci.Triggers.ContainsKey("pull_request"));
        var job = Assert.Single(ci.Jobs).Value;
        Assert.StartsWith("ubuntu-", WorkflowFile.Text(job, "runs-on"));
        var scripts = string.Join('\n', RunScripts(job));
        Assert.Contains("bash .ci/run", scripts);
        Assert.Contains("./build.sh Site", scripts);
        var uploads = WorkflowFile.Steps(job).Where(s => WorkflowFile.Text(s, "uses")?.StartsWith("actions/upload-artifact@") == true)
            .Select(s => WorkflowFile.Text(WorkflowFile.Child(s, "with"), "path")).ToList();
        Assert.Contains("artifacts/test-results", uploads);
        Assert.Contains("site/_out", uploads);
    }

    [Fact]
    public void BenchmarkShardsOverGpuLabelsAndMergesTheShards()
    {
        var bench = Load("benchmark.yml");
        Assert.Equal(["push", "schedule", "workflow_dispatch"], bench.Triggers.Keys.Order());
        var inputs = (YamlMappingNode)WorkflowFile.Child(bench.Triggers["workflow_dispatch"], "inputs")!;
        foreach (var input in new[] { "suite", "shards", "runners" })
            Assert.NotNull(WorkflowFile.Child(inputs, input));

        var gpu = bench.Jobs["bench"];
        var labels = ((YamlSequenceNode)WorkflowFile.Child(gpu, "runs-on")!).Children.Select(n => n.ToString()).ToList();
        Assert.Equal(["self-hosted", "linux", "gpu", "${{ matrix.runner }}"], labels);
        Assert.Contains("matrix.runner", WorkflowFile.Text(WorkflowFile.Child(gpu, "concurrency"), "group"));
        Assert.Equal("${{ matrix.shard }}/${{ needs.plan.outputs.shards }}", WorkflowFile.Text(WorkflowFile.Child(gpu, "env"), "MAXK_SHARD"));
        Assert.Contains(RunScripts(gpu), s => s.Contains("./build.sh Benchmark", StringComparison.Ordinal));

        var merge = string.Join('\n', RunScripts(bench.Jobs["merge"]));
        Assert.Contains("maxk.dll results merge", merge);
        Assert.Contains("--output merged", merge);
        Assert.Contains("maxk.dll results validate merged", merge);

        // Only the job that opens the pull request may write.
        var writers = bench.Jobs.Where(j => WorkflowFile.Child(j.Value, "permissions") is YamlMappingNode p
            && p.Children.Values.Any(v => v.ToString() == "write")).Select(j => j.Key);
        Assert.Equal(["propose"], writers);
    }

    /// <summary>The bench job passes its shard as MAXK_SHARD=i/n; the Benchmark target must hand it to maxk bench.</summary>
    [Fact]
    public void BenchmarkTargetForwardsTheShardTheWorkflowSets()
    {
        var cake = File.ReadAllText(RepositoryPaths.BuildCake());
        Assert.Contains("EnvironmentVariable(\"MAXK_SHARD\")", cake);
        var start = cake.IndexOf("Task(\"Benchmark\")", StringComparison.Ordinal);
        Assert.True(start >= 0, "build/build.cake has no Benchmark task");
        var end = cake.IndexOf("Task(\"", start + 1, StringComparison.Ordinal);
        Assert.Contains("--shard", end < 0 ? cake[start..] : cake[start..end]);
    }

    [Fact]
    public void PagesBuildsTheSiteAndDeploysWithTheOfficialActions()
    {
        var pages = Load("pages.yml");
        Assert.NotNull(WorkflowFile.Child(pages.Root, "concurrency"));
        var build = pages.Jobs["build"];
        Assert.Contains(RunScripts(build), s => s.Contains("./build.sh Site", StringComparison.Ordinal));
        Assert.Contains(WorkflowFile.Steps(build), s => WorkflowFile.Text(s, "uses")?.StartsWith("actions/upload-pages-artifact@") == true);
        var deploy = pages.Jobs["deploy"];
        Assert.Contains(WorkflowFile.Steps(deploy), s => WorkflowFile.Text(s, "uses")?.StartsWith("actions/deploy-pages@") == true);
        var permissions = (YamlMappingNode)WorkflowFile.Child(deploy, "permissions")!;
        Assert.Equal(["id-token=write", "pages=write"], permissions.Children.Select(p => $"{p.Key}={p.Value}").Order());
        Assert.Null(WorkflowFile.Child(build, "permissions") is YamlMappingNode b && b.Children.Values.Any(v => v.ToString() == "write") ? "write" : null);
    }
}
