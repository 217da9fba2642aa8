using MaxK.Datasets;
using static TorchSharp.torch;

namespace MaxK.Training.Metrics;

/// <summary>
/// Multi-label tasks (Yelp, ogbn-proteins): binary cross-entropy with logits, averaged over the (node, label)
/// pairs of the given nodes, and micro-F1 (logit &gt; 0) or mean per-task ROC-AUC, computed on the host.
/// </summary>
public sealed class MultiLabelObjective : ITaskObjective
{
    private readonly Tensor _targets;
    private readonly DatasetMetric _metric;

    /// <param name="targets">N×C float32 0/1 targets.</param>
    /// <param name="metric"><see cref="DatasetMetric.MicroF1"/> or <see cref="DatasetMetric.RocAuc"/>.</param>
    public MultiLabelObjective(Tensor targets, DatasetMetric metric)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (metric is not (DatasetMetric.MicroF1 or DatasetMetric.RocAuc))
            throw new ArgumentException($"A multi-label objective reports micro-F1 or ROC-AUC, not {metric}.", nameof(metric));
        if (targets.dim() != 2)
            throw new ArgumentException($"Multi-label targets must be N×C, got {targets.dim()} dimensions.", nameof(targets));
        _targets = targets;
        _metric = metric;
    }

    public string MetricName => _metric.MetricName();

    public Tensor Loss(Tensor logits, Tensor nodes) =>
        nn.functional.binary_cross_entropy_with_logits(logits.index_select(0, nodes), _targets.index_select(0, nodes));

    public double Metric(Tensor logits, Tensor nodes)
    {
        using var scope = NewDisposeScope();
        var scores = logits.index_select(0, nodes).to_type(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        var targets = _targets.index_select(0, nodes).to_type(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        return _metric == DatasetMetric.MicroF1
            ? MultiLabelMetrics.MicroF1(scores, targets)
            : MultiLabelMetrics.MeanRocAuc(scores, targets, (int)_targets.shape[1]);
    }
}
