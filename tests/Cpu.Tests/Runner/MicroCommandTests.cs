using System.Text.Json;
using MaxK.Harness.Cli;
using MaxK.Harness.Results;

namespace MaxK.Tests.Runner;

public class MicroCommandTests
{
    [Fact]
    public void ADryMicrobenchmarkRunsInProcessAndExportsJsonAndMarkdown()
    {
        using var dir = new ScratchFolder();
        var output = new StringWriter();
        var exit = MaxkCli.Run(["micro", "--dry", "--filter", "*LoadRawCsr*", "--output", dir.Path], output, output);
        Assert.True(exit == 0, output.ToString());
        var json = Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, "results"), "*-report-full.json"));
        Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, "results"), "*.md"));
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var benchmarks = doc.RootElement.GetProperty("Benchmarks");
        Assert.Equal(2, benchmarks.GetArrayLength()); // one per graph parameter
        Assert.All(benchmarks.EnumerateArray(), b => Assert.Equal("LoadRawCsr", b.GetProperty("Method").GetString()));
        Assert.True(File.Exists(Path.Combine(dir.Path, "provenance.json")));
    }

    [Fact]
    public void MicroExportsUnderAResultsTreeAreNotResultFiles()
    {
        using var dir = new ScratchFolder();
        Directory.CreateDirectory(dir.File("host/micro/2026-01-01_abcdef12/results"));
        File.WriteAllText(dir.File("host/micro/2026-01-01_abcdef12/results/x-report-full.json"), "{}");
        Assert.Empty(ResultSchemaValidator.ResultFiles(dir.Path));
    }
}
