namespace MaxK.Datasets.Synthetic;

/// <summary>
/// Generates a CSBM dataset (<see cref="CsbmOptions"/>): shuffled class labels, the stochastic block graph
/// (<see cref="StochasticBlockGraph"/>), class-mean features (<see cref="ClassMeanFeatures"/>) and a random split.
/// The graph has no self-loops; training adds them (<see cref="NodeDataset.WithSelfLoops"/>). Every part has
/// its own stream of <c>seed</c>, and the result is the same for any thread count. Memory ≈ 4·E + 4·N·F bytes.
/// </summary>
public static class CsbmGenerator
{
    /// <summary>Generates the dataset (metric: accuracy).</summary>
    public static NodeDataset Generate(CsbmOptions options, ulong seed) => Generate(options, seed, maxThreads: -1);

    internal static NodeDataset Generate(CsbmOptions options, ulong seed, int maxThreads)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var sizes = SyntheticLabels.ClassSizes(options.Nodes, options.Classes, options.ClassProportions);
        var probabilities = CsbmEdgeProbabilities.For(sizes, options.AverageDegree, options.Homophily);
        var labels = SyntheticLabels.Shuffled(sizes, SeedStreams.For(seed, SeedStreams.Labels));
        var graph = StochasticBlockGraph.Generate(labels, options.Classes, probabilities, SeedStreams.Derive(seed, SeedStreams.Graph), maxThreads);
        var means = ClassMeanFeatures.ClassMeans(options.Classes, options.Features, options.SignalStrength, SeedStreams.Derive(seed, SeedStreams.ClassMeans));
        var features = ClassMeanFeatures.Generate(labels, means, options.Features, SeedStreams.Derive(seed, SeedStreams.FeatureRows), maxThreads, options.FeatureScale);
        var split = RandomSplit.Create(options.Nodes, options.Split, SeedStreams.For(seed, SeedStreams.Split));
        return new NodeDataset(options.Name, graph, features, options.Features, labels, null, options.Classes,
            split.Train, split.Val, split.Test, DatasetMetric.Accuracy);
    }
}
