using MaxK.Graphs;

namespace MaxK.Datasets.Planetoid;

/// <summary>
/// A Planetoid citation dataset (Cora, CiteSeer, PubMed) in the node order of the common loaders (GCN, PyG):
/// features and labels of all N nodes, the symmetric graph, and the fixed train/validation/test split.
/// </summary>
public sealed class PlanetoidDataset
{
    public PlanetoidDataset(string name, CsrGraph graph, float[] features, int featureCount, int[] labels, int classCount,
        int[] trainIndices, int[] valIndices, int[] testIndices)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.LongLength != (long)graph.NodeCount * featureCount)
            throw new ArgumentException($"Features must hold N×F = {graph.NodeCount}×{featureCount} values, got {features.Length}.", nameof(features));
        if (labels.Length != graph.NodeCount)
            throw new ArgumentException($"Labels must hold N = {graph.NodeCount} values, got {labels.Length}.", nameof(labels));
        Name = name;
        Graph = graph;
        Features = features;
        FeatureCount = featureCount;
        Labels = labels;
        ClassCount = classCount;
        TrainIndices = trainIndices;
        ValIndices = valIndices;
        TestIndices = testIndices;
    }

    /// <summary>Lower-case dataset name, as in the file names (<c>ind.&lt;name&gt;.*</c>).</summary>
    public string Name { get; }

    /// <summary>Symmetric, no self-loops, no repeated edges, columns sorted; unweighted.</summary>
    public CsrGraph Graph { get; }

    public int NodeCount => Graph.NodeCount;

    /// <summary>N×F float32 features, row-major. Test ids missing from the raw test set (CiteSeer) are zero rows.</summary>
    public float[] Features { get; }

    /// <summary>F, the feature width.</summary>
    public int FeatureCount { get; }

    /// <summary>
    /// Class per node: the arg-max of its one-hot label row. All-zero rows (CiteSeer's padded test ids, any
    /// unlabelled node) get class 0, as with PyG's argmax.
    /// </summary>
    public int[] Labels { get; }

    /// <summary>The width of the one-hot label rows.</summary>
    public int ClassCount { get; }

    /// <summary>Nodes 0 .. len(y)−1 (Cora: 140).</summary>
    public int[] TrainIndices { get; }

    /// <summary>The next validation-count nodes after the training ones (500 by default).</summary>
    public int[] ValIndices { get; }

    /// <summary>The ids of <c>test.index</c>, sorted ascending (Cora: 1,000).</summary>
    public int[] TestIndices { get; }

    /// <summary>The common <see cref="NodeDataset"/> form (multi-class, accuracy); arrays are shared, not copied.</summary>
    public NodeDataset ToNodeDataset() =>
        new(Name, Graph, Features, FeatureCount, Labels, null, ClassCount, TrainIndices, ValIndices, TestIndices, DatasetMetric.Accuracy);

    public override string ToString() =>
        $"{Name}: {NodeCount} nodes, {Graph.EdgeCount} edges, {FeatureCount} features, {ClassCount} classes, " +
        $"{TrainIndices.Length}/{ValIndices.Length}/{TestIndices.Length} train/val/test";
}
