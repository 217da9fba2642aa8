using MaxK.Graphs;
using MaxK.Graphs.Synthetic;

namespace MaxK.Datasets.Synthetic;

/// <summary>
/// Speed-only training datasets on a synthetic graph preset (reddit-rmat, reddit-uniform): labels uniformly
/// random per node and features = class mean + N(0, I) noise (the CSBM feature model without its graph part),
/// so the labels are independent of the graph: accuracy there measures the features, not the aggregation.
/// </summary>
public static class GraphFeatureDataset
{
    /// <summary>Feature width of the Reddit-sized speed datasets (Reddit's 602).</summary>
    public const int RedditFeatures = 602;

    /// <summary>Classes of the Reddit-sized speed datasets (Reddit's 41).</summary>
    public const int RedditClasses = 41;

    /// <summary>Feature signal of the speed datasets (same as csbm-reddit).</summary>
    public const double RedditSignalStrength = 1.0;

    /// <summary>Description for reports.</summary>
    public const string Caveat = "labels independent of the graph; for speed only";

    /// <summary>What a dataset on <paramref name="graph"/> is, for reports.</summary>
    public static string Describe(GraphPreset graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return $"synthetic: graph {graph.Label}, class-mean features; {Caveat}";
    }

    /// <summary>Generates <paramref name="graph"/>'s preset with class-mean features under <paramref name="name"/>.</summary>
    public static NodeDataset Generate(string name, GraphPreset graph, int features, int classes, double signalStrength,
        SplitFractions split, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Generate(name, graph.Generate(SeedStreams.Derive(seed, SeedStreams.Graph)), features, classes, signalStrength, split, seed);
    }

    /// <summary>Class-mean features and independent uniform labels on an existing <paramref name="graph"/>.</summary>
    public static NodeDataset Generate(string name, CsrGraph graph, int features, int classes, double signalStrength,
        SplitFractions split, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(split);
        var n = graph.NodeCount;
        var labels = SyntheticLabels.Independent(n, classes, SeedStreams.For(seed, SeedStreams.Labels));
        var means = ClassMeanFeatures.ClassMeans(classes, features, signalStrength, SeedStreams.Derive(seed, SeedStreams.ClassMeans));
        var x = ClassMeanFeatures.Generate(labels, means, features, SeedStreams.Derive(seed, SeedStreams.FeatureRows));
        var parts = RandomSplit.Create(n, split, SeedStreams.For(seed, SeedStreams.Split));
        return new NodeDataset(name, graph, x, features, labels, null, classes, parts.Train, parts.Val, parts.Test, DatasetMetric.Accuracy);
    }
}
