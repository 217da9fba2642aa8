using MaxK.Harness.Cli;
using MaxK.Harness.Peers;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;
using MaxK.Harness.Training;
using MaxK.Harness.Vocabulary;
using MaxK.Training.Models;

namespace MaxK.Tests.Runner;

public class TrainingSuiteTests
{
    private static TrainingSuiteCase Case(string dataset, string? dataDir, string? fallback) =>
        new($"train/{dataset}/gcn/relu/cpu-reference/h8-l1/seed1", "s", ComputeDevice.Cpu, SuiteSectionKind.Training,
            new TrainingRunSpec { Dataset = dataset, DataDir = dataDir, Model = GnnArchitecture.Gcn, Hidden = 8, Layers = 1, Epochs = 2, Seed = 1 }, TrainingBackend.CpuReference, fallback);

    [Fact]
    public void MissingFilesAreSkippedAndAFailingFallbackIsAFailedRecord()
    {
        using var dir = new ScratchFolder();
        var executor = new TrainingCaseExecutor(TextWriter.Null, new PygAdapter("/nonexistent/python", "/nonexistent/pyg_train.py"));
        var skipped = executor.Run(Case("cora", dir.Path, null));
        Assert.Equal("skipped", skipped.Type);
        Assert.Contains("dataset 'cora' is not available here", skipped.Skipped!.Reason);

        var failed = executor.Run(Case("cora", dir.Path, "no-such-dataset"));
        Assert.Equal("training", failed.Type);
        Assert.Contains("no-such-dataset", failed.Training!.Error);
        Assert.Null(failed.Training.EpochMsMedian);
        Assert.Equal(Case("cora", null, null).Id, failed.Training.Id);
    }

    [Fact]
    public void AnUnknownDatasetIsAFailedCaseTheRestGoOnAndTheFileValidates()
    {
        using var dir = new ScratchFolder();
        File.WriteAllText(dir.File("s.json"), """
            { "suite": "tr", "sections": [
              { "name": "k", "kind": "kernel", "graphs": ["tiny-uniform"], "dims": [32], "ks": [4], "runs": 1, "warmup": 0 },
              { "name": "t", "kind": "training", "datasets": ["no-such-dataset"], "models": ["gcn", "sage"],
                "variants": [ { "nonlinearity": "relu" }, { "nonlinearity": "maxk", "ks": [4] } ], "hidden": 8, "layers": 1, "epochs": 2 } ] }
            """);
        var output = new StringWriter();
        var exit = MaxkCli.Run(["bench", "--suite", dir.File("s.json"), "--output", dir.File("out"), "--cpu-only"], output, output);
        Assert.True(exit == 1, output.ToString());
        var file = Assert.Single(ResultSchemaValidator.ResultFiles(dir.File("out")));
        Assert.Empty(ResultSchemaValidator.Validate(file));
        var result = ResultJson.Read(file);
        Assert.Equal(4, result.Cases.Count);
        Assert.Equal(4, result.Training.Count);
        Assert.All(result.Training, t => Assert.Contains("no-such-dataset", t.Error));
        Assert.Equal([null, 4, null, 4], result.Training.Select(t => t.K));
    }
}
