using System.Text.Json;
using MaxK.Harness.Cli;
using MaxK.Harness.Results;

namespace MaxK.Tests.Harness;

public class BenchCommandTests
{
    private static (int Exit, string Output, string Error) Maxk(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = MaxkCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void CpuBenchmarkVerifiesTimesAndWritesAResultFileThatSaysWhatItSkipped()
    {
        using var dir = new ScratchFolder();
        var (exit, output, error) = Maxk("bench", "--output", dir.Path, "--runs", "2", "--warmup", "0", "--cpu-only");
        Assert.True(exit == 0, output + error);
        var file = Assert.Single(Directory.GetFiles(dir.Path, "default.json", SearchOption.AllDirectories));
        Assert.Contains("Not run: section 'gpu-kernels'", output);

        var result = ResultJson.Read(file);
        Assert.Equal(RunResult.CurrentSchema, result.Schema);
        Assert.Equal(["gpu-kernels", "gpu-kernels-real", "gpu-training", "gpu-peers", "gpu-accuracy", "gpu-real-accuracy"], result.Skipped.Where(s => s.Reason == "--cpu-only was given").Select(s => s.What.Split('\'')[1]));
        Assert.Equal(20, result.Cases.Count);
        Assert.All(result.Cases, c =>
        {
            Assert.True(c.Verified, c.Id);
            Assert.Equal(2, c.SamplesMs.Count);
            Assert.True(c.MedianMs > 0);
            Assert.True(c.GraphSynthetic);
        });
        Assert.Contains(result.Cases, c => c.Kernel == "maxk_forward" && c.Speedup > 0 && c.SpeedupBaseline!.StartsWith("dense_spmm", StringComparison.Ordinal));

        // Field names fixed for outside tools.
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var first = json.RootElement.GetProperty("cases")[0];
        foreach (var name in new[] { "kernel", "graph", "nodes", "edges", "dim", "k", "median_ms", "verified", "gpu" })
            Assert.True(first.TryGetProperty(name, out _), name);
        Assert.Equal("default", json.RootElement.GetProperty("manifest").GetProperty("suite").GetString());
    }

    [Fact]
    public void UnknownSuiteAndBadRunsAreUserErrors()
    {
        var (exit, _, error) = Maxk("bench", "--suite", "nope");
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("Unknown suite 'nope'", error);
        Assert.Equal(MaxkCli.UserErrorExitCode, Maxk("bench", "--runs", "0").Exit);
    }

    [Fact]
    public void GraphCommandsReportBadInputClearly()
    {
        var unknown = Maxk("graph", "stats", "--preset", "no-such-graph");
        Assert.Equal(MaxkCli.UserErrorExitCode, unknown.Exit);
        Assert.Contains("tiny-uniform", unknown.Error);

        var missing = Maxk("graph", "stats", "--csr", "/nonexistent/folder/g");
        Assert.Equal(MaxkCli.UserErrorExitCode, missing.Exit);
        Assert.Contains("/nonexistent/folder/g.indptr", missing.Error);

        Assert.Equal(MaxkCli.UserErrorExitCode, Maxk("graph", "stats").Exit);
    }

    [Fact]
    public void GraphWriteThenStatsRoundTrips()
    {
        using var dir = new ScratchFolder();
        Assert.Equal(0, Maxk("graph", "write", "--preset", "tiny-uniform", "--output", dir.Path).Exit);
        var (exit, output, _) = Maxk("graph", "stats", "--csr", Path.Combine(dir.Path, "tiny-uniform"));
        Assert.Equal(0, exit);
        Assert.Contains("nodes=1,000 edges=20,000", output);
    }
}

public class EnvCommandTests
{
    [Fact]
    public void PrintsProvenanceAsTextAndJson()
    {
        var text = new StringWriter();
        Assert.Equal(0, MaxK.Harness.Cli.MaxkCli.Run(["env"], text, new StringWriter()));
        Assert.Contains("harness_commit", text.ToString());
        Assert.Contains("logical_cpus", text.ToString());

        var json = new StringWriter();
        Assert.Equal(0, MaxK.Harness.Cli.MaxkCli.Run(["env", "--json"], json, new StringWriter()));
        using var doc = System.Text.Json.JsonDocument.Parse(json.ToString());
        Assert.Equal("env", doc.RootElement.GetProperty("suite").GetString());
        Assert.True(doc.RootElement.GetProperty("logical_cpus").GetInt32() >= 1);
    }
}
