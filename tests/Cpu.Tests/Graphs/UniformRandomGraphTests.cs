using MaxK.Graphs.Synthetic;

namespace MaxK.Tests.Graphs;

public class UniformRandomGraphTests
{
    [Theory]
    [InlineData(1_000, 20_000L)]      // every row exactly 20
    [InlineData(997, 20_011L)]        // uneven: rows of 20 and 21
    [InlineData(100, 9_050L)]         // dense rows (≥ N/4): selection sampling
    [InlineData(50, 2_500L)]          // complete graph with self-loops
    [InlineData(10, 3L)]              // fewer edges than rows
    public void Generate_HasExactEdgeCountAndBalancedDistinctSortedRows(int nodes, long edges)
    {
        var graph = UniformRandomGraph.Generate(nodes, edges, seed: 1);

        Assert.Equal(nodes, graph.NodeCount);
        Assert.Equal(edges, graph.EdgeCount);
        var low = edges / nodes;
        var high = (edges + nodes - 1) / nodes;
        for (var r = 0; r < nodes; r++)
            Assert.InRange(graph.Degree(r), low, high);
        GraphAssertions.RowsStrictlyIncreasing(graph);
    }

    [Fact]
    public void CompleteGraph_HasEveryColumnInEveryRow()
    {
        var graph = UniformRandomGraph.Generate(20, 400, seed: 3);
        for (var r = 0; r < 20; r++)
            Assert.Equal(Enumerable.Range(0, 20), graph.ColumnIndices[graph.RowPointers[r]..graph.RowPointers[r + 1]]);
    }

    [Fact]
    public void SameSeed_SameGraph_DifferentSeed_DifferentGraph()
    {
        var a = UniformRandomGraph.Generate(2_000, 50_000, seed: 42);
        var b = UniformRandomGraph.Generate(2_000, 50_000, seed: 42);
        var c = UniformRandomGraph.Generate(2_000, 50_000, seed: 43);

        GraphAssertions.SameGraph(a, b);
        Assert.Equal(a.RowPointers, c.RowPointers);
        Assert.NotEqual(a.ColumnIndices, c.ColumnIndices);
    }

    [Fact]
    public void Generate_DoesNotDependOnThreadCount()
    {
        var serial = UniformRandomGraph.Generate(5_000, 200_000, seed: 9, maxThreads: 1);
        GraphAssertions.SameGraph(serial, UniformRandomGraph.Generate(5_000, 200_000, seed: 9, maxThreads: 3));
        GraphAssertions.SameGraph(serial, UniformRandomGraph.Generate(5_000, 200_000, seed: 9));
    }

    [Fact]
    public void Columns_AreSpreadEvenly()
    {
        // 200 edges land in each column on average; with seed 5 fixed this is deterministic, and the band
        // (mean ± 6σ, σ ≈ 14) catches a biased column draw.
        var graph = UniformRandomGraph.Generate(1_000, 200_000, seed: 5);
        var inDegree = new int[1_000];
        foreach (var column in graph.ColumnIndices)
            inDegree[column]++;
        Assert.All(inDegree, count => Assert.InRange(count, 115, 285));
    }

    [Fact]
    public void TwoMillionEdges_AreCorrect()
    {
        var graph = UniformRandomGraph.Generate(100_000, 2_000_000, seed: 11);
        Assert.Equal(2_000_000, graph.EdgeCount);
        Assert.All(Enumerable.Range(0, graph.NodeCount), r => Assert.Equal(20, graph.Degree(r)));
        GraphAssertions.RowsStrictlyIncreasing(graph);
    }

    [Fact]
    public void EmptyGraph_IsAllowed()
    {
        var graph = UniformRandomGraph.Generate(5, 0, seed: 0);
        Assert.Equal(0, graph.EdgeCount);
        Assert.Equal(new int[6], graph.RowPointers);
    }

    [Theory]
    [InlineData(0, 0L)]
    [InlineData(10, -1L)]
    [InlineData(10, 101L)]    // more than N² distinct edges
    public void InvalidSizes_Throw(int nodes, long edges) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UniformRandomGraph.Generate(nodes, edges, seed: 0));
}
