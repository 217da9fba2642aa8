using MaxK.Graphs;
using MaxK.Graphs.Synthetic;

namespace MaxK.Tests.Graphs;

public class RmatGraphTests
{
    private const double A = 0.57, B = 0.19, C = 0.19;

    [Fact]
    public void Deduplicated_HasSortedDistinctRowsAndNoMoreThanRequested()
    {
        var graph = RmatGraph.Generate(20_000, 400_000, A, B, C, seed: 42);
        Assert.Equal(20_000, graph.NodeCount);
        Assert.InRange(graph.EdgeCount, 300_000, 399_999);   // R-MAT repeats edges, so some collapse
        GraphAssertions.RowsStrictlyIncreasing(graph);
    }

    [Fact]
    public void WithoutDeduplication_HasExactCountAndDeduplicatesToTheDefaultGraph()
    {
        var withRepeats = RmatGraph.Generate(3_000, 60_000, A, B, C, seed: 7, deduplicate: false);
        var distinct = RmatGraph.Generate(3_000, 60_000, A, B, C, seed: 7);

        Assert.Equal(60_000, withRepeats.EdgeCount);
        for (var r = 0; r < withRepeats.NodeCount; r++)
        {
            var row = withRepeats.ColumnIndices[withRepeats.RowPointers[r]..withRepeats.RowPointers[r + 1]];
            Assert.Equal(row.Order(), row);
            Assert.Equal(row.Distinct(), distinct.ColumnIndices[distinct.RowPointers[r]..distinct.RowPointers[r + 1]]);
        }
        Assert.True(distinct.EdgeCount < withRepeats.EdgeCount);
    }

    [Fact]
    public void MatchesNaiveConstructionFromTheSameEdgeStreams()
    {
        // 700,000 edges: 11 chunks and 3 row buckets of the bucketed builder. The naive version sorts the
        // (row, column) pairs drawn from the same per-chunk streams.
        const int nodes = 30_000;
        const long edges = 700_000;
        var sampler = new RmatSampler(nodes, A, B, C);
        var pairs = new List<(int Row, int Column)>();
        for (long chunk = 0; chunk * RmatCsrBuilder.EdgesPerChunk < edges; chunk++)
        {
            var rng = Xoshiro256StarStar.ForStream(17, (ulong)chunk);
            var count = Math.Min(RmatCsrBuilder.EdgesPerChunk, edges - chunk * RmatCsrBuilder.EdgesPerChunk);
            for (var i = 0; i < count; i++)
                pairs.Add(sampler.NextEdge(ref rng));
        }
        pairs.Sort();
        var rowPointers = new int[nodes + 1];
        foreach (var (row, _) in pairs)
            rowPointers[row + 1]++;
        for (var r = 0; r < nodes; r++)
            rowPointers[r + 1] += rowPointers[r];

        var graph = RmatGraph.Generate(nodes, edges, A, B, C, seed: 17, deduplicate: false);

        Assert.Equal(rowPointers, graph.RowPointers);
        Assert.Equal(pairs.Select(p => p.Column), graph.ColumnIndices);
    }

    [Fact]
    public void SameSeed_SameGraph_DifferentSeed_DifferentGraph()
    {
        var a = RmatGraph.Generate(5_000, 100_000, A, B, C, seed: 42);
        var b = RmatGraph.Generate(5_000, 100_000, A, B, C, seed: 42);
        var c = RmatGraph.Generate(5_000, 100_000, A, B, C, seed: 43);
        GraphAssertions.SameGraph(a, b);
        Assert.False(a.EdgeCount == c.EdgeCount && a.ColumnIndices.SequenceEqual(c.ColumnIndices));
    }

    [Fact]
    public void Generate_DoesNotDependOnThreadCount()
    {
        // More than one 65,536-edge chunk, so the parallel fill order really differs between runs.
        var serial = RmatGraph.Generate(10_000, 300_000, A, B, C, seed: 3, deduplicate: false, maxThreads: 1);
        GraphAssertions.SameGraph(serial, RmatGraph.Generate(10_000, 300_000, A, B, C, seed: 3, deduplicate: false, maxThreads: 4));
        GraphAssertions.SameGraph(serial, RmatGraph.Generate(10_000, 300_000, A, B, C, seed: 3, deduplicate: false));
    }

    [Fact]
    public void DegreeDistribution_IsSkewed()
    {
        var graph = RmatGraph.Generate(20_000, 400_000, A, B, C, seed: 42);
        var meanDegree = (double)graph.EdgeCount / graph.NodeCount;
        var inDegree = new int[graph.NodeCount];
        foreach (var column in graph.ColumnIndices)
            inDegree[column]++;

        Assert.True(GraphAssertions.MaxDegree(graph) > 20 * meanDegree, $"max out-degree {GraphAssertions.MaxDegree(graph)}, mean {meanDegree:F1}");
        Assert.True(inDegree.Max() > 20 * meanDegree, $"max in-degree {inDegree.Max()}, mean {meanDegree:F1}");
        // A uniform graph of the same requested size has every row at exactly 400,000 / 20,000 = 20.
        Assert.Equal(20, GraphAssertions.MaxDegree(UniformRandomGraph.Generate(20_000, 400_000, 42)));
    }

    [Fact]
    public void QuadrantFrequencies_MatchProbabilities()
    {
        // Two nodes = one level: each edge is (0,0), (0,1), (1,0), (1,1) with probability a, b, c, d.
        var graph = RmatGraph.Generate(2, 200_000, 0.5, 0.2, 0.1, seed: 1, deduplicate: false);
        double Fraction(int row, int column) =>
            graph.ColumnIndices[graph.RowPointers[row]..graph.RowPointers[row + 1]].Count(c => c == column) / 200_000.0;

        // σ ≤ 0.0012 for each frequency; ±0.006 is 5σ.
        Assert.InRange(Fraction(0, 0), 0.494, 0.506);
        Assert.InRange(Fraction(0, 1), 0.194, 0.206);
        Assert.InRange(Fraction(1, 0), 0.094, 0.106);
        Assert.InRange(Fraction(1, 1), 0.194, 0.206);
    }

    [Fact]
    public void NodesNotAPowerOfTwo_RedrawsOutOfRangeEdges()
    {
        // 1,000 nodes use a 1,024-wide matrix; edges in the last 24 rows or columns must be redrawn.
        var graph = RmatGraph.Generate(1_000, 50_000, 0.25, 0.25, 0.25, seed: 5, deduplicate: false);
        Assert.Equal(50_000, graph.EdgeCount);   // CsrGraph validated every column < 1,000
        Assert.True(graph.Degree(999) > 0);      // and the top rows are still reachable
    }

    [Fact]
    public void AllMassTopLeft_GivesOnlyEdgeZeroZero()
    {
        var graph = RmatGraph.Generate(64, 1_000, 1.0, 0.0, 0.0, seed: 1);
        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal(0, graph.ColumnIndices[0]);
        Assert.Equal(1, graph.Degree(0));
    }

    [Fact]
    public void SingleNode_AndNoEdges_AreAllowed()
    {
        Assert.Equal(1, RmatGraph.Generate(1, 100, A, B, C, seed: 1).EdgeCount);
        Assert.Equal(0, RmatGraph.Generate(10, 0, A, B, C, seed: 1).EdgeCount);
    }

    [Fact]
    public void TwoMillionEdges_AreCorrect()
    {
        var graph = RmatGraph.Generate(100_000, 2_000_000, A, B, C, seed: 11);
        Assert.InRange(graph.EdgeCount, 1_500_000, 1_999_999);
        GraphAssertions.RowsStrictlyIncreasing(graph);
        Assert.Equal(graph.EdgeCount, graph.RowPointers[^1]);
    }

    [Theory]
    [InlineData(0.0, 0.2, 0.2)]
    [InlineData(0.6, 0.3, 0.3)]
    [InlineData(0.5, -0.1, 0.1)]
    [InlineData(double.NaN, 0.1, 0.1)]
    public void InvalidProbabilities_Throw(double a, double b, double c) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RmatGraph.Generate(16, 10, a, b, c, seed: 0));

    [Fact]
    public void InvalidSizes_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RmatGraph.Generate(0, 10, A, B, C, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RmatGraph.Generate(10, -1, A, B, C, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RmatGraph.Generate(10, (long)Array.MaxLength + 1, A, B, C, seed: 0));
    }
}
