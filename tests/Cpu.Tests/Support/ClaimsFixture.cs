using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Runner;
using MaxK.Harness.Kernels;
using MaxK.Harness.Suites;

namespace MaxK.Tests.Support;

/// <summary>
/// Invented result files on two GPUs (NVIDIA H200 and NVIDIA H100 80GB HBM3, folders named as the harness names them)
/// in the shapes the claims page reads: a headline kernel run (cuSPARSE ALG2, the GNNAdvisor-style kernel with its own
/// decider and, on the H200 only, the best of its (ngs, wpb) sweep, MaxK forward/backward at k = 16 and 32 on
/// kernel-Reddit and kernel-ogbn-proteins), a headline training run, a headline accuracy run (two converged seeds and an
/// unconverged k = 16), a headline PyG peer run, a headline released-code peer run (the released kernels and ours under
/// their protocol), and — newer than all of them, with sentinel numbers that must never reach a headline cell — a
/// diagnostic floor run and a probe run. Every number is made up for the tests; <see cref="Sentinels"/> lists the ones
/// only diagnostic and probe runs carry.
/// </summary>
internal static class ClaimsFixture
{
    public const string H200 = "NVIDIA H200";
    public const string H100 = "NVIDIA H100 80GB HBM3";
    public static readonly string[] Gpus = [H100, H200];
    public static readonly string[] Graphs = ["kernel-Reddit", "kernel-ogbn-proteins"];

    /// <summary>Times (ms) and speed-ups that only the diagnostic and probe runs hold.</summary>
    public static readonly double[] Sentinels = [7.77, 99.9, 77.7, 11.11, 111.1];

    /// <summary>Per GPU: cuSPARSE ALG2, own-decider GNNAdvisor-style, its sweep's best (null: not measured), MaxK forward/backward at k = 16 and 32.</summary>
    public static (double Alg2, double Gnna, double? GnnaBest, double Fwd16, double Bwd16, double Fwd32, double Bwd32) Kernels(string gpu) => gpu == H200
        ? (24.0, 80.0, 36.0, 3.0, 2.5, 4.5, 4.0)
        : (18.0, 72.0, null, 4.0, 3.5, 6.0, 5.5);

    /// <summary>Per GPU, released-code protocol on kernel-Reddit: its cuSPARSE default, its forward at k = 16, and ours at k = 16.</summary>
    public static (double CuSparse, double ReleasedFwd16, double OursFwd16) Released(string gpu) => gpu == H200 ? (20.0, 3.9, 3.2) : (16.0, 4.0, 4.8);

    /// <summary>Writes every file under <paramref name="root"/> (a results folder) and returns it.</summary>
    public static string WriteFolder(string root)
    {
        foreach (var (path, result) in Files())
        {
            var file = Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            AtomicFile.WriteAllText(file, ResultJson.Serialize(result));
        }
        return root;
    }

    /// <summary>Every file: relative path and contents.</summary>
    public static IEnumerable<(string Path, RunResult Result)> Files()
    {
        foreach (var gpu in Gpus)
        {
            var folder = gpu.Replace(' ', '_');
            var day = gpu == H200 ? 1 : 2;
            yield return ($"{folder}/2027-01-0{day}_c1a10001/kernels.json", Result(gpu, "kernels", null, At(day, 0), KernelCases(gpu), []));
            yield return ($"{folder}/2027-01-0{day}_c1a10002/default.json", Result(gpu, "default", null, At(day, 1), [], DefaultTraining(gpu)));
            yield return ($"{folder}/2027-01-0{day}_c1a10003/accuracy.json", Result(gpu, "accuracy", null, At(day, 2), [], AccuracyTraining(gpu)));
            yield return ($"{folder}/2027-01-0{day}_c1a10004/peers.json", Result(gpu, "peers", null, At(day, 3), [], PygTraining(gpu)));
            yield return ($"{folder}/2027-01-0{day}_c1a10005/released-kernels.json", Result(gpu, "released-kernels", RunRole.Headline, At(day, 4), ReleasedCases(gpu), []));
            // Newer than every headline run, with sentinel numbers: a diagnostic floor run and a probe.
            yield return ($"{folder}/2027-01-0{day}_c1a10006/floor.json", Result(gpu, "floor", null, At(day, 5), FloorCases(gpu), FloorTraining(gpu)));
            yield return ($"{folder}/2027-01-0{day}_c1a10007/train-probe.json", Result(gpu, "train", null, At(day, 6), [], ProbeTraining(gpu)));
        }
    }

    private static DateTimeOffset At(int day, int hour) => new(2027, 1, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>A result file with its derived fields filled as the runner fills them (<see cref="DerivedMetrics.Apply"/>).</summary>
    private static RunResult Result(string gpu, string suite, RunRole? role, DateTimeOffset started, IReadOnlyList<CaseRecord> cases, IReadOnlyList<TrainingRecord> training) => DerivedMetrics.Apply(new RunResult
    {
        Manifest = new RunManifest
        {
            Suite = suite, Role = role, HarnessCommit = "c1a1000" + started.Hour.ToString(System.Globalization.CultureInfo.InvariantCulture), HarnessDirty = false, Host = "fixture",
            Cpu = "c", LogicalCpus = 2, MemoryBytes = 1, Os = "o", Dotnet = "d", TorchSharp = "t", Gpu = gpu, GpuCount = 1, Seed = 42, StartedUtc = started,
            FinishedUtc = started.AddMinutes(30),
        },
        Skipped = [],
        Cases = cases,
        Training = training,
    });

    private static CaseRecord Case(string gpu, string kernel, string graph, int k, double ms, string implementation = KernelNames.MaxkNative, TimingProtocol? protocol = null,
        bool verified = true, bool diagnostic = false, string? config = null)
    {
        var nodes = graph == "kernel-Reddit" ? 232_965 : 132_534;
        var edges = graph == "kernel-Reddit" ? 114_615_892L : 39_561_252L;
        return new CaseRecord
        {
            Id = $"{kernel}_{implementation}_fp32{(k > 0 ? $"_k{k}" : "")}_dim256_{graph}" + (protocol is { } p ? "_" + p.Word() : ""),
            Kernel = kernel, Implementation = implementation, Device = "cuda", Graph = graph, GraphSynthetic = true, GraphLabel = graph + " (synthetic fixture)",
            Nodes = nodes, Edges = edges, Dim = 256, K = k, Dtype = "fp32", Seed = 42, Verified = verified,
            VerificationReference = diagnostic ? KernelNames.FloorVerificationNote : verified ? "dense SpMM (CPU, double)" : "none: the released code run as a black box, timed as is",
            VerificationRelativeError = verified ? 1e-7 : double.NaN, VerificationTolerance = 1e-5, Warmup = 5, N = 3, MedianMs = ms, MinMs = ms * 0.99, MaxMs = ms * 1.01,
            MeanMs = ms, StddevMs = ms * 0.01, MedianCi95LowMs = ms * 0.995, MedianCi95HighMs = ms * 1.005, BytesModeled = 1_000_000_000, SamplesMs = [ms * 0.99, ms, ms * 1.01],
            Gpu = gpu, Diagnostic = diagnostic ? true : null, TimingProtocol = protocol, Config = config,
        };
    }

    private static List<CaseRecord> KernelCases(string gpu)
    {
        var t = Kernels(gpu);
        var cases = new List<CaseRecord>();
        foreach (var g in Graphs)
        {
            cases.Add(Case(gpu, KernelNames.CuSparseSpmmAlg2, g, 0, t.Alg2));
            cases.Add(Case(gpu, KernelNames.GnnAdvisorSpmm, g, 0, t.Gnna, config: "GNNAdvisor decider: ngs=491, dw=32, wpb=8"));
            if (t.GnnaBest is { } best)
                cases.Add(Case(gpu, KernelNames.GnnAdvisorSpmmBest, g, 0, best, config: "best of the sweep: ngs=492, wpb=7"));
            cases.Add(Case(gpu, KernelNames.MaxKForward, g, 16, t.Fwd16));
            cases.Add(Case(gpu, KernelNames.MaxKBackward, g, 16, t.Bwd16));
            cases.Add(Case(gpu, KernelNames.MaxKForward, g, 32, t.Fwd32));
            cases.Add(Case(gpu, KernelNames.MaxKBackward, g, 32, t.Bwd32));
        }
        return cases;
    }

    private static List<CaseRecord> ReleasedCases(string gpu)
    {
        var r = Released(gpu);
        const TimingProtocol released = TimingProtocol.ReleasedHostMean4;
        return
        [
            Case(gpu, KernelNames.CuSparseSpmmDefault, "kernel-Reddit", 0, r.CuSparse, KernelNames.MaxkGnnReleased, released, verified: false),
            Case(gpu, KernelNames.MaxKForward, "kernel-Reddit", 16, r.ReleasedFwd16, KernelNames.MaxkGnnReleased, released, verified: false),
            Case(gpu, KernelNames.CuSparseSpmmDefault, "kernel-Reddit", 0, r.CuSparse * 1.02, KernelNames.CuSparse, released),
            Case(gpu, KernelNames.MaxKForward, "kernel-Reddit", 16, r.OursFwd16, KernelNames.MaxkNative, released),
        ];
    }

    private static List<CaseRecord> FloorCases(string gpu) =>
    [
        Case(gpu, KernelNames.CuSparseSpmmAlg2, "kernel-Reddit", 0, 99.9),
        Case(gpu, KernelNames.MaxKForward, "kernel-Reddit", 16, 7.77),
        Case(gpu, KernelNames.MaxKBackward, "kernel-Reddit", 16, 7.77),
        Case(gpu, KernelNames.MaxKForwardFloor, "reddit-uniform", 16, 1.5, verified: false, diagnostic: true),
        Case(gpu, KernelNames.MaxKBackwardFloor, "reddit-uniform", 16, 2.0, verified: false, diagnostic: true),
    ];

    private static TrainingRecord Training(string gpu, string dataset, string nonlinearity, int? k, string backend, long seed, int epochs, double epochMs, double aggregationMs,
        double? accuracy = null, IReadOnlyList<double>? valCurve = null, string? error = null)
    {
        var relu = nonlinearity == "relu";
        return new TrainingRecord
        {
            Id = $"train/{dataset}/sage/{(relu ? "relu" : $"maxk-k{k}")}/{backend}/h256-l3/seed{seed}", Dataset = dataset, DatasetSynthetic = true, DatasetLabel = dataset + " (synthetic fixture)",
            Nodes = 232_965, Edges = 114_615_892, Features = 602, Classes = 41, Model = "sage", Nonlinearity = nonlinearity, K = k, Hidden = 256, Layers = 3, Epochs = epochs,
            Seed = seed, Device = "cuda", Backend = backend, Implementation = backend == "pyg" ? "pyg 2.8.0" : "maxk-bench", Metric = "accuracy",
            TestAccuracy = error is null ? accuracy ?? 0.025 : null, BestValAccuracy = error is null ? valCurve?.Max() ?? accuracy ?? 0.025 : null, ValCurve = valCurve,
            WarmupEpochs = 3, EpochMsSamples = error is null ? [epochMs] : [], EpochMsMedian = error is null ? epochMs : null,
            PhaseMsMedian = error is not null || backend == "pyg" ? null : new Dictionary<string, double>
            {
                ["aggregation_forward"] = aggregationMs / 2, ["aggregation_backward"] = aggregationMs / 2, ["maxk_selection"] = relu ? 0 : 1.5,
                ["dense_layers"] = epochMs - aggregationMs - (relu ? 0.7 : 2.2), ["optimizer"] = 0.7,
            },
            AggregationMsMedian = error is not null || backend == "pyg" ? null : aggregationMs,
            AggregationFraction = error is not null || backend == "pyg" ? null : aggregationMs / epochMs,
            Verified = error is null && backend != "pyg", VerificationReference = backend == "pyg" ? "none: peer implementation (PyG), timed as is" : "torch dense autograd",
            Gpu = gpu, Error = error,
        };
    }

    private static double Scale(string gpu) => gpu == H200 ? 1.0 : 1.25;

    private static List<TrainingRecord> DefaultTraining(string gpu)
    {
        var s = Scale(gpu);
        return
        [
            Training(gpu, "csbm-reddit", "relu", null, "cusparse", 97, 13, 160 * s, 137 * s),
            Training(gpu, "csbm-reddit", "relu", null, "gnnadvisor", 97, 13, 360 * s, 337 * s),
            Training(gpu, "csbm-reddit", "maxk", 16, "maxk", 97, 13, 40 * s, 17 * s),
            Training(gpu, "csbm-reddit", "maxk", 32, "maxk", 97, 13, 50 * s, 26 * s),
        ];
    }

    /// <summary>A validation curve of <paramref name="epochs"/> points rising to <paramref name="top"/> by 60 % of the epochs and flat after (converged), or rising to the end.</summary>
    private static double[] Curve(int epochs, double top, bool converged) =>
        [.. Enumerable.Range(1, epochs).Select(e => converged ? top * Math.Min(1, e / (0.6 * epochs)) : top * e / epochs)];

    private static List<TrainingRecord> AccuracyTraining(string gpu)
    {
        var s = Scale(gpu);
        var records = new List<TrainingRecord>();
        foreach (var (seed, maxk) in new[] { (1L, 0.995), (2L, 0.990) })
        {
            records.Add(Training(gpu, "csbm-reddit-h30", "relu", null, "cusparse", seed, 300, 162 * s, 140 * s, 0.999, Curve(300, 0.999, true)));
            records.Add(Training(gpu, "csbm-reddit-h30", "maxk", 32, "maxk", seed, 300, 48 * s, 26 * s, maxk, Curve(300, maxk, true)));
        }
        records.Add(Training(gpu, "csbm-reddit-h30", "maxk", 16, "maxk", 1, 300, 39 * s, 17 * s, 0.91, Curve(300, 0.91, false)));
        return records;
    }

    private static List<TrainingRecord> PygTraining(string gpu) =>
    [
        Training(gpu, "csbm-reddit", "relu", null, "cusparse", 97, 13, 160 * Scale(gpu), 137 * Scale(gpu)),
        Training(gpu, "csbm-reddit", "relu", null, "pyg", 97, 13, 243 * Scale(gpu), 0),
        Training(gpu, "rmat-reddit", "relu", null, "pyg", 97, 13, 0, 0, error: "HarnessException: pyg_train.py exited with code 1: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 75 GiB."),
    ];

    private static List<TrainingRecord> FloorTraining(string gpu) =>
    [
        Training(gpu, "csbm-reddit", "relu", null, "cusparse", 97, 13, 77.7 * 2, 66.6 * 2),
        Training(gpu, "csbm-reddit", "maxk", 16, "maxk", 97, 13, 77.7, 11.1),
    ];

    private static List<TrainingRecord> ProbeTraining(string gpu) =>
    [
        Training(gpu, "csbm-reddit", "relu", null, "cusparse", 97, 13, 111.1, 100),
        Training(gpu, "csbm-reddit", "maxk", 16, "maxk", 97, 13, 11.11, 5),
    ];
}
