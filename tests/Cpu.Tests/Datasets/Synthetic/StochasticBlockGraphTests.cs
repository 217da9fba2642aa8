using MaxK.Datasets.Synthetic;
using MaxK.Graphs;
using MaxK.Graphs.Synthetic;
using MaxK.Tests.Graphs;

namespace MaxK.Tests.Datasets.Synthetic;

/// <summary>The SBM graph: symmetric, simple, sorted, thread-count independent, with the requested statistics.</summary>
public class StochasticBlockGraphTests
{
    private static (int[] Labels, CsbmEdgeProbabilities P) Setup(int nodes, int classes, double degree, double homophily, ulong seed = 11)
    {
        var sizes = SyntheticLabels.ClassSizes(nodes, classes, null);
        return (SyntheticLabels.Shuffled(sizes, new Xoshiro256StarStar(seed)), CsbmEdgeProbabilities.For(sizes, degree, homophily));
    }

    [Fact]
    public void Graph_IsSymmetric_SortedWithoutRepeats_AndHasNoSelfLoops()
    {
        var (labels, p) = Setup(1_500, 5, 30, 0.6);
        var graph = StochasticBlockGraph.Generate(labels, 5, p, seed: 3);

        GraphAssertions.RowsStrictlyIncreasing(graph);
        var transposed = GraphOps.Transpose(graph);
        Assert.Equal(graph.RowPointers, transposed.RowPointers);
        Assert.Equal(graph.ColumnIndices, transposed.ColumnIndices);
        for (var r = 0; r < graph.NodeCount; r++)
            Assert.DoesNotContain(r, graph.ColumnIndices[graph.RowPointers[r]..graph.RowPointers[r + 1]]);
    }

    [Fact]
    public void Graph_IsTheSameForAnyThreadCount_AndChangesWithTheSeed()
    {
        var (labels, p) = Setup(3_000, 7, 40, 0.5);
        var one = StochasticBlockGraph.Generate(labels, 7, p, seed: 5, maxThreads: 1);
        var three = StochasticBlockGraph.Generate(labels, 7, p, seed: 5, maxThreads: 3);
        var all = StochasticBlockGraph.Generate(labels, 7, p, seed: 5, maxThreads: -1);
        var other = StochasticBlockGraph.Generate(labels, 7, p, seed: 6, maxThreads: -1);

        Assert.Equal(one.RowPointers, three.RowPointers);
        Assert.Equal(one.ColumnIndices, three.ColumnIndices);
        Assert.Equal(one.ColumnIndices, all.ColumnIndices);
        Assert.NotEqual(one.ColumnIndices, other.ColumnIndices);
    }

    [Theory]
    [InlineData(4_000, 10, 40.0, 0.3)]
    [InlineData(3_000, 4, 60.0, 0.9)]
    [InlineData(2_000, 8, 20.0, 0.05)]
    public void EdgeCountAndHomophily_MatchTheFormula(int nodes, int classes, double degree, double homophily)
    {
        var (labels, p) = Setup(nodes, classes, degree, homophily);
        var graph = StochasticBlockGraph.Generate(labels, classes, p, seed: 9);

        Assert.Equal(degree * nodes, p.ExpectedDirectedEdges, 6);
        Assert.InRange(graph.EdgeCount, p.ExpectedDirectedEdges - 5 * p.DirectedEdgesStdDev, p.ExpectedDirectedEdges + 5 * p.DirectedEdgesStdDev);
        long same = 0;
        for (var r = 0; r < nodes; r++)
        {
            for (var e = graph.RowPointers[r]; e < graph.RowPointers[r + 1]; e++)
                same += labels[graph.ColumnIndices[e]] == labels[r] ? 1 : 0;
        }
        Assert.InRange((double)same / graph.EdgeCount, homophily - 0.02, homophily + 0.02);
    }

    [Fact]
    public void RedditPreset_ExpectsReddits114_6MillionEdges_AndValidProbabilities()
    {
        var o = CsbmPresets.Reddit;
        var p = CsbmEdgeProbabilities.For(SyntheticLabels.ClassSizes(o.Nodes, o.Classes, null), o.AverageDegree, o.Homophily);

        Assert.Equal(114_615_892, p.ExpectedDirectedEdges, 1e-3);
        Assert.True(p.DirectedEdgesStdDev < 20_000, $"σ = {p.DirectedEdgesStdDev:N0} edges");
        Assert.Equal(o.Homophily, p.ExpectedHomophily, 9);
        Assert.InRange(p.SameClass, 0, 1);
        Assert.InRange(p.OtherClass, 0, 1);
    }

    [Fact]
    public void ImpossibleDegree_IsRejectedWithTheProbabilities()
    {
        var e = Assert.Throws<ArgumentException>(() => CsbmEdgeProbabilities.For([10, 10], averageDegree: 15, homophily: 0.9));
        Assert.Contains("p_in", e.Message);
    }
}
