using MaxK.Graphs.Synthetic;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;
using MaxK.Harness.Verification;

namespace MaxK.Tests.Support;

/// <summary>
/// A small synthetic GPU result file with loads-only floor cases, in the shape of the H200 default run (hand numbers close
/// to it): SAGE on csbm-reddit, ReLU on cuSPARSE (epoch 159.4 ms, p = 0.859) and MaxK k = 16 (epoch 39.9 ms, aggregation
/// 9.92 + 7.79 ms, 3 layers, hidden 256); on reddit-uniform and kernel-Reddit at D = 256, k = 16 cuSPARSE ALG2 (23.7 ms), maxk_forward
/// (2.80 ms), maxk_backward (2.59 ms) and their floors (1.63 and 2.18 ms). Derived fields are filled as the runner does.
/// </summary>
internal static class FloorResults
{
    public const string Gpu = "Floor GPU (test data)";

    /// <summary>The kernel graphs: reddit-uniform (stands for csbm-reddit) and kernel-Reddit (a graph the paper reports, so in the index headline).</summary>
    public static readonly string[] Graphs = ["reddit-uniform", "kernel-Reddit"];

    /// <summary>Writes <see cref="Create"/> as <c>Floor_GPU/2026-02-03_f100d000/default.json</c> under <paramref name="folder"/>; returns the folder.</summary>
    public static string WriteFolder(string folder, RunResult? result = null)
    {
        var path = Path.Combine(folder, "Floor_GPU", "2026-02-03_f100d000", "default.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, ResultJson.Serialize(result ?? Create()));
        return folder;
    }

    public static RunResult Create(bool withFloors = true, string gpu = Gpu)
    {
        var options = KernelSuiteOptions.Parse(string.Join(',', Graphs), 256, "16", 20, 5, 42);
        var cases = new List<CaseRecord>();
        foreach (var c in Graphs.SelectMany(g => KernelTestData.GpuPlan(options, g)))
        {
            double? median = c.Kernel switch
            {
                KernelNames.CuSparseSpmmAlg2 => 23.7,
                KernelNames.MaxKForward => 2.80,
                KernelNames.MaxKBackward => 2.59,
                KernelNames.MaxKForwardFloor => 1.63,
                KernelNames.MaxKBackwardFloor => 2.18,
                _ => null,
            };
            if (median is null || (!withFloors && KernelNames.IsDiagnostic(c.Kernel)))
                continue;
            var check = KernelNames.IsDiagnostic(c.Kernel) ? new VerificationResult(KernelNames.FloorVerificationNote, double.NaN, 0) : new VerificationResult("reference", 1e-7, 1e-5);
            var preset = GraphPresets.Get(c.Graph);
            cases.Add(KernelTestData.GpuRecord(c, preset, preset.Nodes, preset.Edges, gpu,
                new CaseOutcome(check, [median.Value, median.Value * 1.01, median.Value * 0.99], 1_000_000_000), null, 5));
        }
        var manifest = new RunManifest
        {
            Suite = "default", HarnessCommit = "f100d000", HarnessDirty = false, Host = "h", Cpu = "c", LogicalCpus = 2, MemoryBytes = 1, Os = "o",
            Dotnet = "d", TorchSharp = "t", Gpu = gpu, GpuCount = 1, Seed = 42, StartedUtc = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero),
            FinishedUtc = new DateTimeOffset(2026, 2, 3, 5, 5, 6, TimeSpan.Zero),
        };
        return DerivedMetrics.Apply(new RunResult
        {
            Manifest = manifest, Skipped = [], Cases = cases,
            Training = [Training(null, 159.4, 68.5, 68.4, gpu), Training(16, 39.9, 9.92, 7.79, gpu)],
        });
    }

    /// <summary>SAGE on csbm-reddit, 3 × 256: ReLU on cuSPARSE for <paramref name="k"/> null, else MaxK at k.</summary>
    public static TrainingRecord Training(int? k, double epochMs, double aggregationForwardMs, double aggregationBackwardMs, string gpu)
    {
        var baseline = k is null;
        var phases = new Dictionary<string, double>
        {
            ["aggregation_forward"] = aggregationForwardMs, ["aggregation_backward"] = aggregationBackwardMs,
            ["maxk_selection"] = baseline ? 0 : 1.9, ["dense_layers"] = epochMs - aggregationForwardMs - aggregationBackwardMs - (baseline ? 0.7 : 2.6), ["optimizer"] = 0.7,
        };
        var aggregation = aggregationForwardMs + aggregationBackwardMs;
        return new TrainingRecord
        {
            Id = $"train/csbm-reddit/sage/{(baseline ? "relu" : $"maxk-k{k}")}/{(baseline ? "cusparse" : "maxk")}/h256-l3/seed97", Dataset = "csbm-reddit",
            DatasetSynthetic = true, DatasetLabel = "CSBM, Reddit-sized", Nodes = 232_965, Edges = 114_615_892, Features = 602, Classes = 41, Model = "sage",
            Nonlinearity = baseline ? "relu" : "maxk", K = k, Hidden = 256, Layers = 3, Epochs = 13, Seed = 97, Device = "cuda", Backend = baseline ? "cusparse" : "maxk",
            Implementation = "maxk-bench", Metric = "accuracy", TestAccuracy = 0.3, WarmupEpochs = 3, EpochMsSamples = [epochMs], EpochMsMedian = epochMs,
            PhaseMsMedian = phases, AggregationMsMedian = aggregation, AggregationFraction = aggregation / epochMs, Verified = true, VerificationReference = "torch dense autograd",
            Gpu = gpu,
        };
    }
}
