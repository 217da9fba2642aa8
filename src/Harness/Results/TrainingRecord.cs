using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Results;

/// <summary>
/// One training case in a result file (<c>training</c> array; snake_case in JSON). Times are milliseconds,
/// accuracies fractions in [0, 1]. The Amdahl fields compare this run with the ReLU baseline named in
/// <see cref="SpeedupBaseline"/> (same dataset, model, width, depth and seed); they are null without one.
/// A failed case keeps its parameters, sets <see cref="Error"/> and has no times.
/// </summary>
public sealed record TrainingRecord
{
    public required string Id { get; init; }
    public required string Dataset { get; init; }
    public required bool DatasetSynthetic { get; init; }
    public required string DatasetLabel { get; init; }
    public required int Nodes { get; init; }
    public required long Edges { get; init; }
    public required int Features { get; init; }
    public required int Classes { get; init; }

    /// <summary>"sage", "gcn" or "gin".</summary>
    public required string Model { get; init; }

    /// <summary>"relu" or "maxk".</summary>
    public required string Nonlinearity { get; init; }

    /// <summary>MaxK's k; null for ReLU.</summary>
    public int? K { get; init; }

    public required int Hidden { get; init; }
    public required int Layers { get; init; }
    public required int Epochs { get; init; }

    /// <summary>Adam's learning rate, the hidden layers' dropout and the weight decay (null in records written before they were recorded, and for peers that do not report them).</summary>
    public double? LearningRate { get; init; }
    public double? Dropout { get; init; }
    public double? WeightDecay { get; init; }
    public required long Seed { get; init; }

    /// <summary>The word of the <see cref="ComputeDevice"/> it ran on ("cpu" or "cuda"); compare with <see cref="IsOn"/>.</summary>
    public required string Device { get; init; }

    /// <summary>The word of its <see cref="TrainingBackend"/> ("cpu-reference", "cusparse", "maxk", "gnnadvisor" or "pyg"); compare with <see cref="Uses"/>.</summary>
    public required string Backend { get; init; }

    /// <summary>Who ran it, e.g. "maxk-bench" or "pyg 2.8.0".</summary>
    public required string Implementation { get; init; }

    /// <summary>"accuracy", "micro_f1" or "roc_auc".</summary>
    public required string Metric { get; init; }

    /// <summary>The test metric at the best-validation epoch.</summary>
    public double? TestAccuracy { get; init; }
    public int? BestEpoch { get; init; }
    public double? BestValAccuracy { get; init; }

    /// <summary>Leading epochs left out of the timing statistics (warm-up).</summary>
    public int WarmupEpochs { get; init; }
    public IReadOnlyList<double> EpochMsSamples { get; init; } = [];
    public double? EpochMsMedian { get; init; }
    public double? EpochMsMin { get; init; }
    public double? EpochMsMean { get; init; }
    public double? EpochMsStddev { get; init; }
    public double? EpochMsCi95Low { get; init; }
    public double? EpochMsCi95High { get; init; }

    /// <summary>Median per phase (keys: aggregation_forward, aggregation_backward, maxk_selection, dense_layers, optimizer).</summary>
    public IReadOnlyDictionary<string, double>? PhaseMsMedian { get; init; }

    /// <summary>Median of (aggregation forward + backward) per epoch.</summary>
    public double? AggregationMsMedian { get; init; }

    /// <summary>This run's p: <see cref="AggregationMsMedian"/> / <see cref="EpochMsMedian"/>.</summary>
    public double? AggregationFraction { get; init; }

    /// <summary>Validation and test metric after every epoch (null for peers that do not report them).</summary>
    public IReadOnlyList<double>? ValCurve { get; init; }
    public IReadOnlyList<double>? TestCurve { get; init; }

    public string? SpeedupBaseline { get; init; }

    /// <summary>Baseline epoch_ms_median / this epoch_ms_median.</summary>
    public double? Speedup { get; init; }

    /// <summary>s: baseline aggregation_ms_median / this aggregation_ms_median.</summary>
    public double? KernelSpeedup { get; init; }

    /// <summary>1 / (1 − p) with p the baseline's aggregation fraction.</summary>
    public double? AmdahlLimit { get; init; }

    /// <summary>1 / ((1 − p) + p / s).</summary>
    public double? AmdahlPrediction { get; init; }

    /// <summary>Speedup / AmdahlLimit.</summary>
    public double? AmdahlAttainment { get; init; }

    /// <summary>True when the backend's forward and gradients matched a reference on this graph before timing.</summary>
    public required bool Verified { get; init; }
    public required string VerificationReference { get; init; }
    public double? VerificationRelativeError { get; init; }

    /// <summary>How the backend ran, e.g. which cuSPARSE algorithm won its timing or the GNNAdvisor decider's choice.</summary>
    public string? Config { get; init; }

    public string? Gpu { get; init; }
    public string? Error { get; init; }

    /// <summary>True when the run was on <paramref name="device"/>.</summary>
    public bool IsOn(ComputeDevice device) => Device == device.Word();

    /// <summary>True when the run used <paramref name="backend"/>.</summary>
    public bool Uses(TrainingBackend backend) => Backend == backend.Word();
}
