using System.Globalization;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis;

/// <summary>
/// What a result file must satisfy beyond its schema, each problem naming the record and the field:
/// no negative time; min ≤ median ≤ max and the median inside its 95 % interval; every id once across the kernel cases
/// and the training records; and every derived figure equal to what its inputs give (within a relative
/// <see cref="Tolerance"/>): a kernel case's speed-up is its baseline's figure over its own (<see cref="CaseRecord.FigureMs"/>:
/// the median, or the mean for released-host-mean4), a training record's speed-up,
/// kernel speed-up and Amdahl fields follow from its baseline's and its own medians (<see cref="TrainingBaselines"/>).
/// A speed-up that does not match its medians was typed in, not measured.
/// </summary>
public static class ResultConsistency
{
    /// <summary>Relative tolerance of recomputed figures (they are written with full double precision).</summary>
    public const double Tolerance = 1e-9;

    public static IReadOnlyList<string> Check(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var problems = new List<string>();
        var cases = result.Cases ?? [];
        var training = result.Training ?? [];
        DuplicateIds(problems, cases.Select((c, i) => (c.Id, $"cases[{i}]")).Concat(training.Select((t, i) => (t.Id, $"training[{i}]"))));
        var caseById = cases.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
            CheckCase(problems, $"cases[{i}] ('{cases[i].Id}')", cases[i], caseById);
        var trainingById = training.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < training.Count; i++)
            CheckTraining(problems, $"training[{i}] ('{training[i].Id}')", training[i], trainingById);
        return problems;
    }

    private static void DuplicateIds(List<string> problems, IEnumerable<(string Id, string At)> ids)
    {
        foreach (var group in ids.GroupBy(x => x.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"id '{group.Key}' is used by {string.Join(" and ", group.Select(x => x.At))}; every case and training record needs its own id.");
    }

    private static void CheckCase(List<string> problems, string at, CaseRecord c, Dictionary<string, CaseRecord> byId)
    {
        Order(problems, at, ("min_ms", c.MinMs), ("median_ms", c.MedianMs), ("max_ms", c.MaxMs));
        Order(problems, at, ("median_ci95_low_ms", c.MedianCi95LowMs), ("median_ms", c.MedianMs), ("median_ci95_high_ms", c.MedianCi95HighMs));
        foreach (var (field, value) in new[] { ("min_ms", c.MinMs), ("median_ms", c.MedianMs), ("max_ms", c.MaxMs), ("mean_ms", c.MeanMs), ("stddev_ms", c.StddevMs),
                     ("median_ci95_low_ms", c.MedianCi95LowMs), ("median_ci95_high_ms", c.MedianCi95HighMs), ("preprocess_ms", c.PreprocessMs) })
            NotNegative(problems, at, field, value);
        for (var j = 0; j < (c.SamplesMs?.Count ?? 0); j++)
            NotNegative(problems, at, $"samples_ms[{j}]", c.SamplesMs![j]);
        if (c.Speedup is null)
            return;
        if (c.SpeedupBaseline is null || !byId.TryGetValue(c.SpeedupBaseline, out var baseline))
        {
            problems.Add($"{at}: speedup {F(c.Speedup)} names no kernel case of this file as its speedup_baseline ('{c.SpeedupBaseline}').");
            return;
        }
        var figure = c.Protocol.ReportsMean() ? "mean_ms" : "median_ms";
        Derived(problems, at, "speedup", c.Speedup, baseline.FigureMs / c.FigureMs, $"{baseline.Id}'s {figure} / {figure}");
    }

    private static void CheckTraining(List<string> problems, string at, TrainingRecord t, Dictionary<string, TrainingRecord> byId)
    {
        Order(problems, at, ("epoch_ms_min", t.EpochMsMin), ("epoch_ms_median", t.EpochMsMedian));
        Order(problems, at, ("epoch_ms_ci95_low", t.EpochMsCi95Low), ("epoch_ms_median", t.EpochMsMedian), ("epoch_ms_ci95_high", t.EpochMsCi95High));
        if (t.Speedup is null && t.KernelSpeedup is null && t.AmdahlLimit is null && t.AmdahlPrediction is null && t.AmdahlAttainment is null)
            return;
        if (t.SpeedupBaseline is null || !byId.TryGetValue(t.SpeedupBaseline, out var b))
        {
            problems.Add($"{at}: speed-up and Amdahl fields without a training record of this file as speedup_baseline ('{t.SpeedupBaseline}').");
            return;
        }
        Derived(problems, at, "speedup", t.Speedup, b.EpochMsMedian / t.EpochMsMedian, $"{b.Id}'s epoch_ms_median / epoch_ms_median");
        Derived(problems, at, "kernel_speedup", t.KernelSpeedup, b.AggregationMsMedian / t.AggregationMsMedian, $"{b.Id}'s aggregation_ms_median / aggregation_ms_median");
        var p = b.AggregationFraction;
        double? limit = p is >= 0 and < 1 ? AmdahlLaw.Limit(p.Value) : null;
        Derived(problems, at, "amdahl_limit", t.AmdahlLimit, limit, $"1 / (1 − {b.Id}'s aggregation_fraction)");
        if (t.AmdahlPrediction is not null && p is >= 0 and <= 1 && t.KernelSpeedup is > 0 and < double.PositiveInfinity)
            Derived(problems, at, "amdahl_prediction", t.AmdahlPrediction, AmdahlLaw.Prediction(p.Value, t.KernelSpeedup.Value), "1 / ((1 − p) + p / kernel_speedup)");
        if (t.AmdahlAttainment is not null && t.AmdahlLimit is > 0)
            Derived(problems, at, "amdahl_attainment", t.AmdahlAttainment, t.Speedup / t.AmdahlLimit, "speedup / amdahl_limit");
    }

    /// <summary>Each present value at most the next present one.</summary>
    private static void Order(List<string> problems, string at, params (string Field, double? Value)[] ascending)
    {
        var present = ascending.Where(x => x.Value is not null).ToList();
        for (var i = 1; i < present.Count; i++)
        {
            if (present[i - 1].Value > present[i].Value)
                problems.Add($"{at}: {present[i - 1].Field} {F(present[i - 1].Value)} is above {present[i].Field} {F(present[i].Value)}.");
        }
    }

    private static void NotNegative(List<string> problems, string at, string field, double? value)
    {
        if (value < 0)
            problems.Add($"{at}: {field} is negative ({F(value)}); times are durations.");
    }

    private static void Derived(List<string> problems, string at, string field, double? recorded, double? expected, string formula)
    {
        if (recorded is null)
            return;
        if (expected is not { } e || !double.IsFinite(e) || Math.Abs(recorded.Value - e) > Tolerance * Math.Max(Math.Abs(e), 1e-300))
            problems.Add($"{at}: {field} {F(recorded)} does not match {formula} = {F(expected)}; derived figures are computed, never typed in.");
    }

    private static string F(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "null";
}
