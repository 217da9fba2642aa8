using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Site;

namespace MaxK.Tests.Site;

/// <summary>A result file written by the harness's own <see cref="TrainingRecord"/> type renders on the training page and the index.</summary>
public sealed class SiteTrainingContractTests
{
    private static TrainingRecord Record(string id, string nonlinearity, int? k, string backend, double epochMs, double aggregationMs, string? baseline = null, int epochs = 20) => new()
    {
        Id = id, Dataset = "cora", DatasetSynthetic = false, DatasetLabel = "Cora (Planetoid)", Nodes = 2708, Edges = 10556, Features = 1433, Classes = 7,
        Model = "sage", Nonlinearity = nonlinearity, K = k, Hidden = 64, Layers = 2, Epochs = epochs, Seed = 1, Device = "cuda", Backend = backend,
        Implementation = "maxk-bench", Metric = "accuracy", TestAccuracy = k is null ? 0.80 : 0.79, WarmupEpochs = 2, EpochMsSamples = [epochMs],
        EpochMsMedian = epochMs, PhaseMsMedian = new Dictionary<string, double>
        {
            ["aggregation_forward"] = aggregationMs / 2, ["aggregation_backward"] = aggregationMs / 2, ["maxk_selection"] = 0,
            ["dense_layers"] = epochMs - aggregationMs, ["optimizer"] = 0,
        },
        AggregationMsMedian = aggregationMs, AggregationFraction = aggregationMs / epochMs, SpeedupBaseline = baseline,
        Speedup = baseline is null ? null : 10 / epochMs, AmdahlLimit = baseline is null ? null : 2, AmdahlPrediction = baseline is null ? null : 1.6,
        Verified = true, VerificationReference = "cpu-reference", Gpu = "Contract GPU",
    };

    [Theory]
    [InlineData(20, false)]  // a timing run: its accuracy is not compared
    [InlineData(50, true)]   // long enough (SiteTrainingLabels.MinEpochsForAccuracy)
    public void HarnessTrainingRecordsRender(int epochs, bool accuracyCompared)
    {
        using var scratch = new ScratchFolder();
        var result = new RunResult
        {
            Manifest = new RunManifest
            {
                Suite = "training", Role = RunRole.Headline, HarnessCommit = new string('a', 40), HarnessDirty = false, Host = "h", Cpu = "c", LogicalCpus = 1, MemoryBytes = 1,
                Os = "o", Dotnet = "d", TorchSharp = "t", Gpu = "Contract GPU", Seed = 1, StartedUtc = DateTimeOffset.UnixEpoch,
            },
            Skipped = [],
            Cases = [],
            Training = [Record("relu", "relu", null, "cusparse", 10, 5, epochs: epochs), Record("maxk16", "maxk", 16, "maxk", 6.25, 1.25, baseline: "relu", epochs: epochs)],
        };
        AtomicFile.WriteAllText(Path.Combine(scratch.File("results"), "Contract_GPU", "run", "train.json"), ResultJson.Serialize(result));
        var site = scratch.File("site");
        SiteRenderer.Render(scratch.File("results"), SiteTestData.SiteSources, site, new StringWriter());

        var training = File.ReadAllText(Path.Combine(site, "training.html"));
        Assert.Contains("Epoch time by phase: cora · sage", training);
        Assert.Contains("<title>maxk k=16 · maxk: aggregation forward 0.625 ms</title>", training);
        Assert.DoesNotContain("No training runs recorded yet", training);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("maxk k=16 · maxk: Amdahl prediction 1.60×", training); // Amdahl prediction as recorded
        Assert.Equal(accuracyCompared, index.Contains("−1.00 pp (1 seed)", StringComparison.Ordinal)); // accuracy parity 0.79 − 0.80
        Assert.Equal(!accuracyCompared, index.Contains("timing only", StringComparison.Ordinal));
        Assert.Equal(accuracyCompared, training.Contains("maxk k=16 · maxk: 79.00 %", StringComparison.Ordinal));
        Assert.Equal(accuracyCompared, training.Contains("Test accuracy against k", StringComparison.Ordinal));
    }
}
