using static TorchSharp.torch;

namespace MaxK.Training.Metrics;

/// <summary>
/// The loss and the evaluation metric of a node-prediction task. Single-label classification uses
/// <see cref="SingleLabelObjective"/> (cross-entropy, accuracy); multi-label tasks (BCE with micro-F1 or ROC-AUC)
/// implement this too.
/// </summary>
public interface ITaskObjective
{
    /// <summary>Metric name for reports, e.g. "accuracy".</summary>
    string MetricName { get; }

    /// <summary>Scalar training loss of <paramref name="logits"/> (all N rows) over the nodes in <paramref name="nodes"/>.</summary>
    Tensor Loss(Tensor logits, Tensor nodes);

    /// <summary>The metric (higher is better) over <paramref name="nodes"/>.</summary>
    double Metric(Tensor logits, Tensor nodes);
}

/// <summary>Multi-class cross-entropy with arg-max accuracy.</summary>
public sealed class SingleLabelObjective : ITaskObjective
{
    private readonly Tensor _labels;

    /// <param name="labels">Class of every node (N int64 values).</param>
    public SingleLabelObjective(Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = labels;
    }

    public string MetricName => "accuracy";

    public Tensor Loss(Tensor logits, Tensor nodes) =>
        nn.functional.cross_entropy(logits.index_select(0, nodes), _labels.index_select(0, nodes));

    public double Metric(Tensor logits, Tensor nodes)
    {
        using var scope = NewDisposeScope();
        var predicted = logits.index_select(0, nodes).argmax(1);
        return predicted.eq(_labels.index_select(0, nodes)).to_type(ScalarType.Float64).mean().item<double>();
    }
}
