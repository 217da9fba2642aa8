using MaxK.Datasets;

namespace MaxK.Training.Metrics;

/// <summary>The metric names used in result files (contracts: "accuracy", "micro_f1", "roc_auc").</summary>
public static class MetricNames
{
    public const string Accuracy = "accuracy";
    public const string MicroF1 = "micro_f1";
    public const string RocAuc = "roc_auc";

    /// <summary>The result-file name of <paramref name="metric"/>.</summary>
    public static string MetricName(this DatasetMetric metric) => metric switch
    {
        DatasetMetric.Accuracy => Accuracy,
        DatasetMetric.MicroF1 => MicroF1,
        DatasetMetric.RocAuc => RocAuc,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };
}
