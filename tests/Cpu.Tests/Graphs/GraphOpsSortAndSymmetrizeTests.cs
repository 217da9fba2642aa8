using MaxK.Graphs;
using MaxK.Tests.Support;

namespace MaxK.Tests.Graphs;

public class GraphOpsSortAndSymmetrizeTests
{
    [Fact]
    public void SortAndDeduplicateKeepsFirstWeightOfRepeatedColumn()
    {
        var g = RandomGraphs.FromRows([[3, 1, 3, 0], [], [2, 2], []], [10f, 20f, 30f, 40f, 50f, 60f]);
        var s = GraphOps.SortAndDeduplicate(g);
        Assert.Equal([0, 3, 3, 4, 4], s.RowPointers);
        Assert.Equal([0, 1, 3, 2], s.ColumnIndices);
        Assert.Equal([40f, 20f, 10f, 50f], s.EdgeWeights!);
    }

    [Fact]
    public void SortAndDeduplicateReturnsSortedUniqueGraphUnchanged()
    {
        var g = RandomGraphs.FromRows([[0, 2], [1], []]);
        Assert.True(GraphOps.IsSortedAndUnique(g));
        Assert.Same(g, GraphOps.SortAndDeduplicate(g));
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    public void SortAndDeduplicateMatchesLinqOracle(int seed, bool weighted)
    {
        var g = RandomGraphs.Build(seed, new RandomGraphOptions(1_500, 9, EmptyRowFraction: 0.2, HubDegree: 12_000, Weighted: weighted));
        Assert.False(GraphOps.IsSortedAndUnique(g));
        var expected = RandomGraphs.Edges(g)
            .GroupBy(e => (e.Row, e.Column)).Select(grp => grp.First())
            .OrderBy(e => e.Row).ThenBy(e => e.Column).ToList();
        var s = GraphOps.SortAndDeduplicate(g);
        Assert.Equal(expected, RandomGraphs.Edges(s));
        Assert.Equal(weighted, s.IsWeighted);
        Assert.True(GraphOps.IsSortedAndUnique(s));
    }

    [Fact]
    public void SymmetrizeOfHandGraphIsUnweightedUnion()
    {
        // 0 → 1 (twice), 1 → 2, 2 → 2 (self-loop), 3 isolated.
        var g = RandomGraphs.FromRows([[1, 1], [2], [2], []], [5f, 6f, 7f, 8f]);
        var s = GraphOps.Symmetrize(g);
        Assert.False(s.IsWeighted);
        Assert.Equal([0, 1, 3, 5, 5], s.RowPointers);
        Assert.Equal([1, 0, 2, 1, 2], s.ColumnIndices);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void SymmetrizeMatchesSetOracle(int seed)
    {
        var g = RandomGraphs.Build(seed, new RandomGraphOptions(800, 6, EmptyRowFraction: 0.3, HubDegree: 10_200, Weighted: true));
        var pairs = new HashSet<(int, int)>();
        foreach (var (r, c, _) in RandomGraphs.Edges(g))
        {
            pairs.Add((r, c));
            pairs.Add((c, r));
        }
        var expected = pairs.Order().Select(p => (p.Item1, p.Item2, 1f)).ToList();
        var s = GraphOps.Symmetrize(g);
        Assert.Equal(expected, RandomGraphs.Edges(s));
        Assert.Equal(RandomGraphs.Edges(s), RandomGraphs.Edges(GraphOps.Transpose(s)));
    }

    [Fact]
    public void SymmetrizeOfSymmetricGraphIsIdentity()
    {
        var g = GraphOps.Symmetrize(RandomGraphs.Build(23, new RandomGraphOptions(200, 4)));
        Assert.Equal(RandomGraphs.Edges(g), RandomGraphs.Edges(GraphOps.Symmetrize(g)));
    }
}
