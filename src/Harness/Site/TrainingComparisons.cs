using MaxK.Harness.Analysis;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>
/// Derived numbers of a training record against the other records of its run (contracts.md): its named baseline,
/// a GNNAdvisor-style ReLU run and PyG runs of the same setting, and the attainment ceiling from the loads-only floor
/// cases of the same run.
/// </summary>
public static class TrainingComparisons
{
    /// <summary>The record named in <see cref="TrainingRecord.SpeedupBaseline"/>, from the same run.</summary>
    public static TrainingRecord? Baseline(TrainingRecord r, SiteRun run) =>
        r.SpeedupBaseline is null ? null : run.Training.FirstOrDefault(t => t.Id == r.SpeedupBaseline);

    /// <summary>The ReLU run on the given backend with the same dataset, model, hidden, layers and seed, from the same run.</summary>
    public static TrainingRecord? Relu(TrainingRecord r, SiteRun run, TrainingBackend backend) =>
        run.Training.FirstOrDefault(t => t.Uses(backend) && !t.IsMaxk && t.SettingKey == r.SettingKey && t.EpochMsMedian is > 0);

    /// <summary>Epoch-time speed-up of <paramref name="r"/> against <paramref name="baseline"/> (baseline median over ours).</summary>
    public static double? SpeedupAgainst(TrainingRecord r, TrainingRecord? baseline) =>
        baseline?.EpochMsMedian is { } b && r.EpochMsMedian is { } m && m > 0 ? b / m : null;

    /// <summary>Amdahl prediction and limit against <paramref name="baseline"/>: p = its aggregation fraction, s = its aggregation time over ours.</summary>
    public static (double? Prediction, double? Limit) Amdahl(TrainingRecord r, TrainingRecord? baseline)
    {
        if (baseline?.AggregationFraction is not { } p || p >= 1 || p < 0)
            return (null, null);
        var limit = 1 / (1 - p);
        if (baseline.AggregationMsMedian is not { } ab || r.AggregationMsMedian is not { } a || a <= 0)
            return (null, limit);
        var s = ab / a;
        return (1 / ((1 - p) + p / s), limit);
    }

    /// <summary>
    /// The attainment ceiling of a MaxK record (<see cref="CeilingEstimator"/>): its named baseline and the diagnostic
    /// floor cases of the same result file; null for ReLU records and where either is missing.
    /// </summary>
    public static AttainmentCeiling? Ceiling(TrainingRecord r, SiteRun run)
    {
        if (r.Error is not null || Baseline(r, run) is not { } b)
            return null;
        return CeilingEstimator.Estimate(r, b, run.Result);
    }

    /// <summary>Test metric of <paramref name="r"/> minus the baseline's (fraction), or null (also for timing-only runs:
    /// <see cref="SiteTrainingLabels.MinEpochsForAccuracy"/>).</summary>
    public static double? AccuracyDelta(TrainingRecord r, TrainingRecord? baseline) =>
        r.ComparableAccuracy is { } a && baseline?.ComparableAccuracy is { } b ? a - b : null;
}
