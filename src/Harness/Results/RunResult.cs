namespace MaxK.Harness.Results;

/// <summary>A whole result file: schema id, manifest, what was skipped and why, one record per kernel case and one per training case.</summary>
public sealed record RunResult
{
    public const string CurrentSchema = "maxk-results/1";

    public string Schema { get; init; } = CurrentSchema;
    public required RunManifest Manifest { get; init; }
    public required IReadOnlyList<SkippedWork> Skipped { get; init; }
    public required IReadOnlyList<CaseRecord> Cases { get; init; }

    /// <summary>Training cases (absent in older files: empty).</summary>
    public IReadOnlyList<TrainingRecord> Training { get; init; } = [];
}
