using MaxK.Datasets;
using MaxK.Datasets.Planetoid;
using MaxK.Graphs;

namespace MaxK.Training;

/// <summary>
/// A node-classification task as the trainer consumes it: the graph structure to aggregate over (self-loops
/// already as the dataset wants them), N×F features, the targets, and the train/validation/test split.
/// Single-label tasks set <see cref="Labels"/> (one class per node); multi-label tasks set
/// <see cref="MultiLabels"/> (N×C 0/1 targets, row-major), leave <see cref="Labels"/> empty and name their
/// <see cref="Metric"/> (micro-F1 or ROC-AUC).
/// </summary>
public sealed record NodeClassificationData(
    string Name,
    CsrGraph Structure,
    float[] Features,
    int FeatureCount,
    int[] Labels,
    int ClassCount,
    int[] TrainNodes,
    int[] ValNodes,
    int[] TestNodes)
{
    public int NodeCount => Structure.NodeCount;

    /// <summary>N×C row-major 0/1 targets of a multi-label task; null for single-label tasks.</summary>
    public float[]? MultiLabels { get; init; }

    /// <summary>True when <see cref="MultiLabels"/> holds the targets (BCE objective).</summary>
    public bool IsMultiLabel => MultiLabels is not null;

    /// <summary>The evaluation metric: accuracy for single-label tasks, micro-F1 or ROC-AUC for multi-label ones.</summary>
    public DatasetMetric Metric { get; init; } = DatasetMetric.Accuracy;

    /// <summary>Extra words for reports, e.g. "synthetic CSBM …"; null for real datasets.</summary>
    public string? Description { get; init; }

    /// <summary>Human-readable label: the name, plus the description when there is one.</summary>
    public string Label => Description is null ? Name : $"{Name} ({Description})";

    /// <summary>
    /// A Planetoid dataset prepared as DGL's citation datasets are: features row-normalised to sum 1 (rows of zeros
    /// stay zero), the symmetric graph with one self-loop per node (AddSelfLoop, design §4), the standard split.
    /// </summary>
    public static NodeClassificationData FromPlanetoid(PlanetoidDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var f = dataset.FeatureCount;
        var features = (float[])dataset.Features.Clone();
        for (var r = 0; r < dataset.NodeCount; r++)
        {
            var row = features.AsSpan(r * f, f);
            double sum = 0;
            foreach (var v in row)
                sum += v;
            if (sum != 0)
            {
                for (var j = 0; j < f; j++)
                    row[j] = (float)(row[j] / sum);
            }
        }
        return new NodeClassificationData(dataset.Name, GraphOps.AddSelfLoops(dataset.Graph), features, f, dataset.Labels,
            dataset.ClassCount, dataset.TrainIndices, dataset.ValIndices, dataset.TestIndices);
    }

    /// <summary>
    /// A loaded or generated <see cref="NodeDataset"/> as the trainer consumes it, features as stored. With
    /// <paramref name="addSelfLoops"/>, DGL's AddSelfLoop is applied (existing loops removed, one per node added),
    /// as MaxK-GNN's scripts do for non-OGB graphs (design §4). Multi-label datasets keep their N×C targets and metric.
    /// </summary>
    public static NodeClassificationData FromNodeDataset(NodeDataset dataset, bool addSelfLoops, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var graph = addSelfLoops ? GraphOps.AddSelfLoops(dataset.Graph) : dataset.Graph;
        return new NodeClassificationData(dataset.Name, graph, dataset.Features, dataset.FeatureCount, dataset.Labels ?? [],
            dataset.ClassCount, dataset.TrainIndices, dataset.ValIndices, dataset.TestIndices)
        {
            MultiLabels = dataset.MultiLabels,
            Metric = dataset.Metric,
            Description = description,
        };
    }
}
