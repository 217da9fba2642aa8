using System.Diagnostics;

namespace MaxK.Tests.Workflows;

/// <summary>
/// The plan job of benchmark.yml, run locally with bash and jq: it turns the manual-run inputs into the matrix of GPU
/// runner labels × shard index and refuses bad inputs before any GPU job starts. Skipped where jq is missing.
/// </summary>
public class BenchmarkPlanStepTests
{
    private static (int Exit, Dictionary<string, string> Outputs, string Error) Plan(string runners, string shards)
    {
        var workflow = WorkflowFile.Load(Path.Combine(RepositoryPaths.Workflows(), "benchmark.yml"));
        var script = WorkflowFile.Text(WorkflowFile.Steps(workflow.Jobs["plan"]).Single(), "run")!;
        using var dir = new ScratchFolder();
        var start = new ProcessStartInfo("bash", ["-eo", "pipefail", "-c", script])
        {
            WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["RUNNERS"] = runners;
        start.Environment["SHARDS"] = shards;
        start.Environment["GITHUB_OUTPUT"] = dir.File("output");
        start.Environment["GITHUB_STEP_SUMMARY"] = dir.File("summary");
        using var bash = Process.Start(start)!;
        var error = bash.StandardError.ReadToEndAsync();
        bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        var outputs = File.Exists(dir.File("output"))
            ? File.ReadAllLines(dir.File("output")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1])
            : [];
        return (bash.ExitCode, outputs, error.Result);
    }

    private static void RequireJq()
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        if (!paths.Any(p => File.Exists(Path.Combine(p, "jq"))))
            Assert.Skip("jq is not installed (hosted runners have it)");
    }

    [Fact]
    public void BuildsTheMatrixOfLabelsAndShards()
    {
        RequireJq();
        var (exit, outputs, error) = Plan("[\"h200\",\"a100\"]", "3");
        Assert.True(exit == 0, error);
        Assert.Equal("{\"runner\":[\"h200\",\"a100\"],\"shard\":[1,2,3]}", outputs["matrix"]);
        Assert.Equal("[\"h200\",\"a100\"]", outputs["runners"]);
        Assert.Equal("3", outputs["shards"]);
    }

    [Theory]
    [InlineData("[\"h200\"]", "0", "shards must be a whole number")]
    [InlineData("[\"h200\"]", "17", "shards must be a whole number")]
    [InlineData("[\"h200\"]", "2; rm -rf /", "shards must be a whole number")]
    [InlineData("[]", "1", "runners must be a non-empty JSON list")]
    [InlineData("[\"h200\", \"$(id)\"]", "1", "runners must be a non-empty JSON list")]
    [InlineData("\"h200\"", "1", "runners must be a non-empty JSON list")]
    [InlineData("h200", "1", "invalid JSON")]
    public void RefusesBadInputs(string runners, string shards, string expected)
    {
        RequireJq();
        var (exit, outputs, error) = Plan(runners, shards);
        Assert.NotEqual(0, exit);
        Assert.Contains(expected, error);
        Assert.False(outputs.ContainsKey("matrix"));
    }
}
