using MaxK.Datasets;
using MaxK.Datasets.Synthetic;
using MaxK.Graphs.Synthetic;

namespace MaxK.Tests.Datasets.Synthetic;

/// <summary>The whole CSBM dataset: labels, features, split, determinism, validation.</summary>
public class CsbmGeneratorTests
{
    private static readonly CsbmOptions Scaled = new("csbm-test", 2_000, 5, 24, 0.4, 16, 2.0, new SplitFractions(0.6, 0.2));

    [Fact]
    public void Dataset_IsTheSameForAnyThreadCount()
    {
        var one = CsbmGenerator.Generate(Scaled, seed: 4, maxThreads: 1);
        var all = CsbmGenerator.Generate(Scaled, seed: 4, maxThreads: -1);

        Assert.Equal(one.Labels, all.Labels);
        Assert.Equal(one.Graph.ColumnIndices, all.Graph.ColumnIndices);
        Assert.Equal(one.Features, all.Features);
        Assert.Equal(one.TrainIndices, all.TrainIndices);
        Assert.NotEqual(one.Features, CsbmGenerator.Generate(Scaled, seed: 5).Features);
    }

    [Fact]
    public void Labels_AreBalanced_AndTheSplitCoversEveryNodeOnce()
    {
        var d = CsbmGenerator.Generate(Scaled, seed: 1);

        Assert.Equal(DatasetMetric.Accuracy, d.Metric);
        Assert.All(d.Labels!.CountBy(l => l), kv => Assert.Equal(400, kv.Value));
        Assert.Equal((1_200, 400, 400), (d.TrainIndices.Length, d.ValIndices.Length, d.TestIndices.Length));
        Assert.Equal(Enumerable.Range(0, 2_000), d.TrainIndices.Concat(d.ValIndices).Concat(d.TestIndices).Order());
        Assert.True(d.TrainIndices.SequenceEqual(d.TrainIndices.Order()));
    }

    [Fact]
    public void Features_AreClassMeanPlusUnitNoise()
    {
        var d = CsbmGenerator.Generate(Scaled with { Nodes = 5_000 }, seed: 2);
        var f = d.FeatureCount;
        var means = new double[Scaled.Classes, f];
        var counts = new int[Scaled.Classes];
        for (var v = 0; v < d.NodeCount; v++)
        {
            counts[d.Labels![v]]++;
            for (var j = 0; j < f; j++)
                means[d.Labels[v], j] += d.Features[v * f + j];
        }
        for (var c = 0; c < Scaled.Classes; c++)
        {
            var norm = Math.Sqrt(Enumerable.Range(0, f).Sum(j => Math.Pow(means[c, j] / counts[c], 2)));
            // ‖mean of 1,000 noisy rows‖ ≈ √(s² + F/1000)
            Assert.InRange(norm, 1.9, 2.15);
        }
        var variance = 0.0;
        for (var v = 0; v < d.NodeCount; v++)
        {
            for (var j = 0; j < f; j++)
                variance += Math.Pow(d.Features[v * f + j] - means[d.Labels![v], j] / counts[d.Labels[v]], 2);
        }
        Assert.InRange(variance / (d.NodeCount * f), 0.95, 1.05);
    }

    [Fact]
    public void ClassMeans_HaveTheSignalStrengthAsLength()
    {
        var means = ClassMeanFeatures.ClassMeans(classes: 3, features: 7, signalStrength: 1.5, seed: 8);
        for (var c = 0; c < 3; c++)
            Assert.Equal(1.5, Math.Sqrt(means.Skip(c * 7).Take(7).Sum(x => (double)x * x)), 5);
    }

    [Fact]
    public void GivenProportions_GiveTheClassSizesByLargestRemainder()
    {
        Assert.Equal(new[] { 5, 3, 2 }, SyntheticLabels.ClassSizes(10, 3, [0.5, 0.3, 0.2]));
        Assert.Equal(new[] { 4, 4, 3 }, SyntheticLabels.ClassSizes(11, 3, null));
        Assert.Equal(new[] { 34, 33, 33 }, SyntheticLabels.ClassSizes(100, 3, [1 / 3.0, 1 / 3.0, 1 / 3.0]));
        var d = CsbmGenerator.Generate(Scaled with { ClassProportions = [0.4, 0.3, 0.1, 0.1, 0.1] }, seed: 3);
        Assert.Equal(800, d.Labels!.Count(l => l == 0));
    }

    [Fact]
    public void RedditSplit_GivesReddits153431_23831_55703()
    {
        Assert.Equal((153_431, 23_831, 55_703), SplitFractions.Reddit.Counts(232_965));
        Assert.Equal(CsbmPresets.RedditAverageDegree * 232_965, 114_615_892, 6);
    }

    [Theory]
    [InlineData(1, 2, 0.5, 1)]
    [InlineData(100, 1, 0.5, 1)]
    [InlineData(100, 2, 1.5, 1)]
    [InlineData(100, 2, 0.5, 0)]
    public void BadOptions_AreRejected(int nodes, int classes, double homophily, int features)
    {
        var options = Scaled with { Nodes = nodes, Classes = classes, Homophily = homophily, Features = features };
        Assert.Throws<ArgumentException>(() => CsbmGenerator.Generate(options, seed: 1));
    }

    [Fact]
    public void GraphFeatureDataset_HasLabelsIndependentOfTheGraph_OnThePresetGraph()
    {
        var d = GraphFeatureDataset.Generate("tiny", GraphPresets.TinyUniform, features: 8, classes: 4, signalStrength: 1, SplitFractions.Reddit, seed: 2);
        Assert.Equal(1_000, d.NodeCount);
        Assert.Equal(20_000, d.Graph.EdgeCount);
        Assert.Equal(8_000, d.Features.Length);
        Assert.All(Enumerable.Range(0, 4), c => Assert.InRange(d.Labels!.Count(l => l == c), 180, 320));
        Assert.Contains("for speed only", GraphFeatureDataset.Describe(GraphPresets.RedditRmat));
    }
}
