using MaxK.Harness.Analysis;
using MaxK.Harness.Kernels;
using MaxK.Harness.Provenance;
using MaxK.Harness.Results;
using MaxK.Harness.Suites;

namespace MaxK.Tests.Runner;

public class ResultAnalysisTests
{
    private static TrainingRecord Record(string nonlinearity, string backend, int? k, double epochMs, double aggregationMs, double accuracy) => new()
    {
        Id = $"train/csbm-reddit/sage/{(k is null ? "relu" : $"maxk-k{k}")}/{backend}/h256-l3/seed97", Dataset = "csbm-reddit", DatasetSynthetic = true,
        DatasetLabel = "csbm", Nodes = 10, Edges = 20, Features = 4, Classes = 2, Model = "sage", Nonlinearity = nonlinearity, K = k, Hidden = 256,
        Layers = 3, Epochs = 10, Seed = 97, Device = "cuda", Backend = backend, Implementation = "maxk-bench", Metric = "accuracy", TestAccuracy = accuracy,
        EpochMsMedian = epochMs, AggregationMsMedian = aggregationMs, AggregationFraction = aggregationMs / epochMs, Verified = true, VerificationReference = "r",
    };

    [Fact]
    public void PairsMaxKWithItsCuSparseBaselineAndComparesWithThePaper()
    {
        var manifest = ManifestFactory.Create("t", (0, 0, "no GPU"), 1, AppContext.BaseDirectory);
        var result = new RunResult
        {
            Manifest = manifest, Skipped = [], Cases = [],
            Training = [Record("relu", "cusparse", null, 100, 80, 0.95), Record("maxk", "maxk", 16, 40, 20, 0.96)],
        };
        var report = ResultAnalysis.Analyze(new LoadedResults([("f.json", result)], []));
        var row = Assert.Single(report.Training);
        Assert.Equal(0.8, row.BaselineFraction!.Value, 9);
        Assert.Equal(5.0, row.AmdahlLimit!.Value, 9);                 // 1 / (1 − 0.8)
        Assert.Equal(4.0, row.KernelSpeedup!.Value, 9);               // 80 / 20
        Assert.Equal(1 / (0.2 + (0.8 / 4)), row.AmdahlPrediction!.Value, 9);
        Assert.Equal(2.5, row.Speedup!.Value, 9);
        Assert.Equal(0.5, row.Attainment!.Value, 9);
        Assert.Equal(1.0, row.AccuracyDeltaPoints!.Value, 6);
        Assert.Equal((3.22, 5.52), (row.PaperSpeedupVsDgl, row.PaperLimitVsDgl));
        Assert.Null(row.PaperDeltaAccuracyPoints);                   // the paper gives no Δacc for its headline point
    }

    [Fact]
    public void GivesThePaperAccuracyChangeInPoints()
    {
        var manifest = ManifestFactory.Create("t", (0, 0, "no GPU"), 1, AppContext.BaseDirectory);
        var result = new RunResult
        {
            Manifest = manifest, Skipped = [], Cases = [],
            Training = [Record("relu", "cusparse", null, 100, 80, 0.95), Record("maxk", "maxk", 32, 40, 20, 0.96)],
        };
        var row = Assert.Single(ResultAnalysis.Analyze(new LoadedResults([("f.json", result)], [])).Training);
        Assert.Equal(2.16, row.PaperSpeedupVsDgl);
        Assert.Equal(0.14, row.PaperDeltaAccuracyPoints);                // 0.0014 in site/content/paper-numbers.json
    }

    private static CaseRecord Kernel(string kernel, string graph, int dim, int k, double speedup) => new()
    {
        Id = $"{kernel}_k{k}_dim{dim}_{graph}", Kernel = kernel, Implementation = "maxk_native", Device = "cuda", Graph = graph, GraphSynthetic = true,
        GraphLabel = "g", Nodes = 10, Edges = 20, Dim = dim, K = k, Dtype = "fp32", Seed = 1, Verified = true, VerificationReference = "r",
        VerificationRelativeError = 0, VerificationTolerance = 1e-5, Warmup = 1, N = 1, MedianMs = 1.5, SamplesMs = [1.5],
        SpeedupBaseline = $"{KernelNames.CuSparseSpmmAlg2}_cusparse_fp32_dim{dim}_{graph}", Speedup = speedup,
    };

    [Fact]
    public void ComparesKernelsWithThePaperAtD256Only()
    {
        var manifest = ManifestFactory.Create("t", (0, 0, "no GPU"), 1, AppContext.BaseDirectory);
        var result = new RunResult
        {
            Manifest = manifest, Skipped = [], Training = [],
            Cases =
            [
                Kernel(KernelNames.MaxKForward, "kernel-Reddit", 256, 32, 2.5), Kernel(KernelNames.MaxKBackward, "kernel-Reddit", 256, 32, 2.7),
                Kernel(KernelNames.MaxKForward, "kernel-Reddit", 128, 32, 2.0), Kernel(KernelNames.MaxKForward, "kernel-ppa", 256, 32, 1.9),
            ],
        };
        var rows = ResultAnalysis.Analyze(new LoadedResults([("f.json", result)], [])).Kernels;
        Assert.Equal(new double?[] { 2.9, 3.0, null, null }, rows.Select(r => r.PaperSpeedupVsCuSparse));
        Assert.Equal(new double?[] { 2.5, 2.7, 2.0, 1.9 }, rows.Select(r => r.SpeedupVsCuSparse));
    }
}
