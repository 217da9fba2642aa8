using MaxK.Training.Timing;

namespace MaxK.Training;

/// <summary>One epoch's results: the training loss of its forward pass and the metrics of the evaluation pass after its step.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainMetric, double ValMetric, double TestMetric, EpochTiming Timing);

/// <summary>The outcome of a training run.</summary>
/// <param name="MetricName">E.g. "accuracy".</param>
/// <param name="Epochs">Every epoch, in order (epoch numbers start at 1).</param>
/// <param name="BestEpoch">The first epoch with the highest validation metric.</param>
/// <param name="BestValMetric">The validation metric at <paramref name="BestEpoch"/>.</param>
/// <param name="TestMetric">The test metric at <paramref name="BestEpoch"/> (the reported figure).</param>
public sealed record TrainingReport(string MetricName, IReadOnlyList<EpochRecord> Epochs, int BestEpoch, double BestValMetric, double TestMetric)
{
    /// <summary>Median epoch wall time in milliseconds (training step only; evaluation excluded).</summary>
    public double EpochMsMedian => Median(Epochs.Select(e => e.Timing.EpochMs));

    /// <summary>Median milliseconds of each phase over the epochs.</summary>
    public IReadOnlyDictionary<TrainingPhase, double> PhaseMsMedian =>
        Enum.GetValues<TrainingPhase>().ToDictionary(p => p, p => Median(Epochs.Select(e => e.Timing.PhaseMs[p])));

    /// <summary>The median of <paramref name="values"/> (mean of the middle two for an even count; 0 when empty).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return 0;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
