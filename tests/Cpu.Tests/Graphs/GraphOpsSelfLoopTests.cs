using MaxK.Graphs;
using MaxK.Tests.Support;

namespace MaxK.Tests.Graphs;

public class GraphOpsSelfLoopTests
{
    [Fact]
    public void AddSelfLoopsReplacesExistingLoopsAndKeepsSortedRowsSorted()
    {
        // Row 0 has two loops, row 1 is sorted without a loop, row 2 is unsorted, row 3 is empty.
        var g = RandomGraphs.FromRows([[0, 2, 0], [0, 3], [3, 0, 2], []], [9f, 2f, 9f, 4f, 5f, 6f, 7f, 8f]);
        var s = GraphOps.AddSelfLoops(g);
        Assert.Equal([0, 2, 5, 8, 9], s.RowPointers);
        Assert.Equal([0, 2, 0, 1, 3, 2, 3, 0, 3], s.ColumnIndices);
        Assert.Equal([1f, 2f, 4f, 1f, 5f, 1f, 6f, 7f, 1f], s.EdgeWeights!);
    }

    [Fact]
    public void AddSelfLoopsOnUnweightedGraphStaysUnweighted()
    {
        var s = GraphOps.AddSelfLoops(RandomGraphs.FromRows([[1], []]));
        Assert.False(s.IsWeighted);
        Assert.Equal([0, 1, 1], s.ColumnIndices);
    }

    [Fact]
    public void RemoveSelfLoopsKeepsOrderAndWeights()
    {
        var g = RandomGraphs.FromRows([[0, 2, 0, 1], [1], [0]], [1f, 2f, 3f, 4f, 5f, 6f]);
        var s = GraphOps.RemoveSelfLoops(g);
        Assert.Equal([0, 2, 2, 3], s.RowPointers);
        Assert.Equal([2, 1, 0], s.ColumnIndices);
        Assert.Equal([2f, 4f, 6f], s.EdgeWeights!);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void AddSelfLoopsGivesExactlyOneLoopPerNode(int seed)
    {
        var g = RandomGraphs.Build(seed, new RandomGraphOptions(400, 5, EmptyRowFraction: 0.25, HubDegree: 10_100, Weighted: true));
        var loops = RandomGraphs.Edges(g).Count(e => e.Row == e.Column);
        Assert.True(loops > 0);
        var s = GraphOps.AddSelfLoops(g);
        Assert.Equal(g.EdgeCount - loops + g.NodeCount, s.EdgeCount);
        var withoutLoops = RandomGraphs.Edges(GraphOps.RemoveSelfLoops(g));
        Assert.Equal(withoutLoops, RandomGraphs.Edges(s).Where(e => e.Row != e.Column));
        for (var r = 0; r < s.NodeCount; r++)
            Assert.Single(RandomGraphs.Row(s, r), c => c == r);
    }

    [Fact]
    public void AddSelfLoopsKeepsSortedUniqueGraphsSortedUnique()
    {
        var g = GraphOps.Symmetrize(RandomGraphs.Build(33, new RandomGraphOptions(300, 6)));
        Assert.True(GraphOps.IsSortedAndUnique(GraphOps.AddSelfLoops(g)));
    }

    [Fact]
    public void RemoveSelfLoopsMatchesFilter()
    {
        var g = RandomGraphs.Build(34, new RandomGraphOptions(300, 6, Weighted: true));
        Assert.Equal(
            RandomGraphs.Edges(g).Where(e => e.Row != e.Column).ToList(),
            RandomGraphs.Edges(GraphOps.RemoveSelfLoops(g)));
    }
}
