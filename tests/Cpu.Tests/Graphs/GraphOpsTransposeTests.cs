using MaxK.Graphs;
using MaxK.Tests.Support;

namespace MaxK.Tests.Graphs;

public class GraphOpsTransposeTests
{
    [Fact]
    public void TransposeOfHandGraphMovesEdgesAndWeights()
    {
        // 0 → {2, 1}, 1 → {}, 2 → {0, 2}
        var g = RandomGraphs.FromRows([[2, 1], [], [0, 2]], [1f, 2f, 3f, 4f]);
        var t = GraphOps.Transpose(g);
        Assert.Equal([0, 1, 2, 4], t.RowPointers);
        Assert.Equal([2, 0, 0, 2], t.ColumnIndices);
        Assert.Equal([3f, 2f, 1f, 4f], t.EdgeWeights!);
    }

    [Fact]
    public void TransposeKeepsGraphsUnweighted() =>
        Assert.False(GraphOps.Transpose(RandomGraphs.FromRows([[1], [0]])).IsWeighted);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void TransposeMatchesDenseTranspose(int seed, bool weighted)
    {
        var g = RandomGraphs.Build(seed, new RandomGraphOptions(60, 5, EmptyRowFraction: 0.2, Weighted: weighted));
        var dense = Oracles.ToDense(g);
        var denseT = Oracles.ToDense(GraphOps.Transpose(g));
        for (var r = 0; r < g.NodeCount; r++)
        {
            for (var c = 0; c < g.NodeCount; c++)
                Assert.Equal(dense[c, r], denseT[r, c], 12);
        }
    }

    [Fact]
    public void DoubleTransposeIsAStableSortOfEachRow()
    {
        // Hub row of 10,500 edges over 2,000 nodes: repeated columns, so stability is observable via weights.
        var g = RandomGraphs.Build(3, new RandomGraphOptions(2_000, 6, EmptyRowFraction: 0.1, HubDegree: 10_500, Weighted: true));
        var tt = GraphOps.Transpose(GraphOps.Transpose(g));
        var expected = RandomGraphs.Edges(g).OrderBy(e => e.Row).ThenBy(e => e.Column).ToList(); // LINQ sort is stable
        Assert.Equal(expected, RandomGraphs.Edges(tt));
    }

    [Fact]
    public void TransposedRowsListSourcesInAscendingOrder()
    {
        var g = RandomGraphs.Build(4, new RandomGraphOptions(500, 8));
        var t = GraphOps.Transpose(g);
        for (var r = 0; r < t.NodeCount; r++)
        {
            var row = RandomGraphs.Row(t, r);
            Assert.Equal(row.Order(), row);
        }
    }

    [Fact]
    public void InDegreesCountColumns()
    {
        var g = RandomGraphs.Build(5, new RandomGraphOptions(300, 7, HubDegree: 10_001));
        var expected = new int[g.NodeCount];
        foreach (var c in g.ColumnIndices)
            expected[c]++;
        Assert.Equal(expected, GraphOps.InDegrees(g));
    }

    [Fact]
    public void EmptyGraphTransposesToEmptyGraph() =>
        Assert.Equal(0, GraphOps.Transpose(new CsrGraph(0, [0], [])).NodeCount);

    [Fact]
    public void NullGraphIsRejected() => Assert.Throws<ArgumentNullException>(() => GraphOps.Transpose(null!));
}
