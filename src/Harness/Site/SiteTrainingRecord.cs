namespace MaxK.Harness.Site;

/// <summary>
/// A training record as the site reads it from a result file's <c>training</c> array (contracts.md,
/// TrainingRecord; snake_case JSON, times in ms, accuracies as fractions). The site reads the JSON itself, so
/// it renders files with training records whatever the harness's own C# type looks like; unknown fields are ignored.
/// </summary>
public sealed record SiteTrainingRecord
{
    public string Id { get; init; } = "";
    public string Dataset { get; init; } = "";
    public bool DatasetSynthetic { get; init; }
    public string? DatasetLabel { get; init; }
    public long Nodes { get; init; }
    public long Edges { get; init; }
    public int Features { get; init; }
    public int Classes { get; init; }
    public string Model { get; init; } = "";
    public string Nonlinearity { get; init; } = "";
    public int? K { get; init; }
    public int Hidden { get; init; }
    public int Layers { get; init; }
    public int Epochs { get; init; }
    public long Seed { get; init; }
    public string Device { get; init; } = "";
    public string Backend { get; init; } = "";
    public string? Implementation { get; init; }
    public string Metric { get; init; } = "accuracy";
    public double? TestAccuracy { get; init; }
    public int? BestEpoch { get; init; }
    public double? BestValAccuracy { get; init; }
    public int WarmupEpochs { get; init; }
    public IReadOnlyList<double>? EpochMsSamples { get; init; }
    public double? EpochMsMedian { get; init; }
    public double? EpochMsMin { get; init; }
    public double? EpochMsMean { get; init; }
    public double? EpochMsStddev { get; init; }
    public double? EpochMsCi95Low { get; init; }
    public double? EpochMsCi95High { get; init; }
    public SitePhaseTimes? PhaseMsMedian { get; init; }
    public double? AggregationMsMedian { get; init; }
    public double? AggregationFraction { get; init; }
    public string? SpeedupBaseline { get; init; }
    public double? Speedup { get; init; }
    public double? KernelSpeedup { get; init; }
    public double? AmdahlLimit { get; init; }
    public double? AmdahlPrediction { get; init; }
    public double? AmdahlAttainment { get; init; }
    public bool Verified { get; init; }
    public string? VerificationReference { get; init; }
    public double? VerificationRelativeError { get; init; }
    /// <summary>How the backend ran (e.g. which cuSPARSE algorithm won its timing).</summary>
    public string? Config { get; init; }
    public string? Gpu { get; init; }
    public string? Error { get; init; }

    /// <summary>True for a MaxK run (nonlinearity "maxk").</summary>
    public bool IsMaxk => string.Equals(Nonlinearity, "maxk", StringComparison.Ordinal);

    /// <summary>Short human name, e.g. "maxk k=16 · maxk" or "relu · cusparse".</summary>
    public string ShortLabel => (IsMaxk ? $"maxk k={K}" : Nonlinearity) + " · " + Backend;

    /// <summary>The setting a MaxK run shares with its baselines: dataset, model, hidden, layers, seed.</summary>
    public string SettingKey => $"{Dataset}|{Model}|{Hidden}|{Layers}|{Seed}";
}
