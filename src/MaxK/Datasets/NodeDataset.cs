using MaxK.Graphs;

namespace MaxK.Datasets;

/// <summary>The evaluation metric a dataset is reported with.</summary>
public enum DatasetMetric
{
    /// <summary>Multi-class accuracy (arg-max of the logits).</summary>
    Accuracy,

    /// <summary>Micro-averaged F1 over all (node, label) pairs of a multi-label task, logit &gt; 0 as positive.</summary>
    MicroF1,

    /// <summary>ROC-AUC averaged over the tasks of a multi-label task (the OGB evaluator for ogbn-proteins).</summary>
    RocAuc,
}

/// <summary>
/// A node-classification dataset in one common shape, whatever its source format: the graph (row r aggregates
/// from its neighbours, as a DGL destination node does), N×F float32 features, labels, and the fixed split.
/// Multi-class datasets set <see cref="Labels"/> (one class per node); multi-label ones set
/// <see cref="MultiLabels"/>, an N×C 0/1 matrix, and <see cref="IsMultiLabel"/> is true.
/// </summary>
public sealed record NodeDataset
{
    public NodeDataset(string name, CsrGraph graph, float[] features, int featureCount, int[]? labels, float[]? multiLabels,
        int classCount, int[] trainIndices, int[] valIndices, int[] testIndices, DatasetMetric metric)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(trainIndices);
        ArgumentNullException.ThrowIfNull(valIndices);
        ArgumentNullException.ThrowIfNull(testIndices);
        ArgumentOutOfRangeException.ThrowIfNegative(featureCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        var n = graph.NodeCount;
        if (features.LongLength != (long)n * featureCount)
            throw new ArgumentException($"Features must hold N×F = {n}×{featureCount} values, got {features.LongLength}.", nameof(features));
        if ((labels is null) == (multiLabels is null))
            throw new ArgumentException("Give exactly one of labels (multi-class) or multiLabels (multi-label).");
        if (labels is not null)
        {
            if (labels.Length != n)
                throw new ArgumentException($"Labels must hold N = {n} values, got {labels.Length}.", nameof(labels));
            foreach (var label in labels)
            {
                if ((uint)label >= (uint)classCount)
                    throw new ArgumentException($"Label {label} is outside [0, {classCount}).", nameof(labels));
            }
        }
        if (multiLabels is not null && multiLabels.LongLength != (long)n * classCount)
            throw new ArgumentException($"Multi-labels must hold N×C = {n}×{classCount} values, got {multiLabels.LongLength}.", nameof(multiLabels));
        CheckIndices(trainIndices, n, nameof(trainIndices));
        CheckIndices(valIndices, n, nameof(valIndices));
        CheckIndices(testIndices, n, nameof(testIndices));
        Name = name;
        Graph = graph;
        Features = features;
        FeatureCount = featureCount;
        Labels = labels;
        MultiLabels = multiLabels;
        ClassCount = classCount;
        TrainIndices = trainIndices;
        ValIndices = valIndices;
        TestIndices = testIndices;
        Metric = metric;
    }

    /// <summary>Catalog name, e.g. "reddit", "ogbn-arxiv".</summary>
    public string Name { get; init; }

    /// <summary>The graph; see each loader for its direction, self-loop and deduplication choices.</summary>
    public CsrGraph Graph { get; init; }

    public int NodeCount => Graph.NodeCount;

    /// <summary>N×F float32 features, row-major.</summary>
    public float[] Features { get; init; }

    /// <summary>F, the feature width.</summary>
    public int FeatureCount { get; init; }

    /// <summary>Class per node in [0, <see cref="ClassCount"/>) for multi-class datasets; null for multi-label ones.</summary>
    public int[]? Labels { get; init; }

    /// <summary>N×C row-major 0/1 matrix for multi-label datasets; null for multi-class ones.</summary>
    public float[]? MultiLabels { get; init; }

    /// <summary>C: classes (multi-class) or binary tasks (multi-label).</summary>
    public int ClassCount { get; init; }

    public bool IsMultiLabel => MultiLabels is not null;

    public int[] TrainIndices { get; init; }

    public int[] ValIndices { get; init; }

    public int[] TestIndices { get; init; }

    public DatasetMetric Metric { get; init; }

    /// <summary>The same dataset with DGL's AddSelfLoop applied (existing self-loops removed, one added per node).</summary>
    public NodeDataset WithSelfLoops() => this with { Graph = GraphOps.AddSelfLoops(Graph) };

    public override string ToString() =>
        $"{Name}: {NodeCount} nodes, {Graph.EdgeCount} edges, {FeatureCount} features, {ClassCount} " +
        $"{(IsMultiLabel ? "tasks (multi-label)" : "classes")}, {TrainIndices.Length}/{ValIndices.Length}/{TestIndices.Length} train/val/test, {Metric}";

    private static void CheckIndices(int[] indices, int nodeCount, string parameter)
    {
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)nodeCount)
                throw new ArgumentException($"Split index {index} is outside [0, {nodeCount}).", parameter);
        }
    }
}
