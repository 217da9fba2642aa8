using TorchSharp;
using static TorchSharp.torch;

namespace MaxK.Training.Metrics;

/// <summary>Picks the loss and metric of a task from its data: single-label → cross-entropy + accuracy, multi-label → BCE + the dataset's metric.</summary>
public static class TaskObjectives
{
    /// <summary>The target tensor on the CPU: N int64 classes (single-label) or N×C float32 0/1 targets (multi-label). Caller disposes.</summary>
    public static Tensor Targets(NodeClassificationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.MultiLabels is { } multi
            ? torch.tensor(multi, [data.NodeCount, data.ClassCount], ScalarType.Float32)
            : torch.tensor(data.Labels.Select(l => (long)l).ToArray(), ScalarType.Int64);
    }

    /// <summary>The objective of <paramref name="data"/> over <paramref name="targets"/> (from <see cref="Targets"/>, possibly moved to a device).</summary>
    public static ITaskObjective For(NodeClassificationData data, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(targets);
        return data.IsMultiLabel ? new MultiLabelObjective(targets, data.Metric) : new SingleLabelObjective(targets);
    }
}
