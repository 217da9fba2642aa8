namespace MaxK.Harness.Results;

/// <summary>
/// The compaction policy of results/README.md for training records: at most <see cref="MaxEpochValues"/> epoch-time
/// samples (the first ones, in run order) and per-epoch curves sampled every ⌈epochs / <see cref="MaxEpochValues"/>⌉
/// epochs (the last epoch always kept). The statistics are computed before compaction, so they cover every epoch;
/// a compacted record is recognisable by samples shorter than epochs − warmup_epochs or curves shorter than epochs.
/// </summary>
public static class ResultCompaction
{
    public const int MaxEpochValues = 1000;

    public static TrainingRecord Compact(TrainingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record with
        {
            EpochMsSamples = record.EpochMsSamples.Count > MaxEpochValues ? [.. record.EpochMsSamples.Take(MaxEpochValues)] : record.EpochMsSamples,
            ValCurve = Thin(record.ValCurve),
            TestCurve = Thin(record.TestCurve),
        };
    }

    private static IReadOnlyList<double>? Thin(IReadOnlyList<double>? curve)
    {
        if (curve is null || curve.Count <= MaxEpochValues)
            return curve;
        var step = (curve.Count + MaxEpochValues - 1) / MaxEpochValues;
        var kept = new List<double>();
        for (var i = step - 1; i < curve.Count; i += step)
            kept.Add(curve[i]);
        if ((curve.Count - 1) % step != step - 1)
            kept.Add(curve[^1]);
        return kept;
    }
}
