using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis;

/// <summary>
/// Pairs every training record with its ReLU baseline and fills the speed-up and Amdahl fields. The baseline of a
/// record is the ReLU record on the reference backend of its device (<see cref="TrainingBackendFacts.Baseline"/>) with
/// the same dataset, model, hidden width, depth and seed; a baseline has no baseline of its own. Records without a
/// usable baseline (missing, failed, or without times) keep null fields.
/// </summary>
public static class TrainingBaselines
{

    public static IReadOnlyList<TrainingRecord> Link(IReadOnlyList<TrainingRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var baselines = records
            .Where(r => r.Nonlinearity == "relu" && r.Uses(TrainingBackendFacts.Baseline(r.IsOn(ComputeDevice.Cuda) ? ComputeDevice.Cuda : ComputeDevice.Cpu)) && r.Error is null && r.EpochMsMedian > 0)
            .GroupBy(Key)
            .ToDictionary(g => g.Key, g => g.First());
        return records.Select(r =>
        {
            if (r.Error is not null || r.EpochMsMedian is not > 0 || !baselines.TryGetValue(Key(r), out var b) || ReferenceEquals(b, r))
                return r;
            var p = b.AggregationFraction;
            var s = b.AggregationMsMedian > 0 && r.AggregationMsMedian > 0 ? b.AggregationMsMedian / r.AggregationMsMedian : null;
            var speedup = b.EpochMsMedian / r.EpochMsMedian;
            double? limit = p is >= 0 and < 1 ? AmdahlLaw.Limit(p.Value) : null;
            return r with
            {
                SpeedupBaseline = b.Id,
                Speedup = speedup,
                KernelSpeedup = s,
                AmdahlLimit = limit,
                AmdahlPrediction = p is >= 0 and <= 1 && s is > 0 ? AmdahlLaw.Prediction(p.Value, s.Value) : null,
                AmdahlAttainment = limit is > 0 ? speedup / limit : null,
            };
        }).ToList();
    }

    private static (string, string, int, int, long, string) Key(TrainingRecord r) => (r.Dataset, r.Model, r.Hidden, r.Layers, r.Seed, r.Device);
}
