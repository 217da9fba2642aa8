using MaxK.Graphs;

namespace MaxK.Tests.Graphs;

/// <summary>Shared checks and helpers for the graph tests.</summary>
internal static class GraphAssertions
{
    /// <summary>Every row's columns strictly increase: sorted with no repeated edge.</summary>
    public static void RowsStrictlyIncreasing(CsrGraph graph)
    {
        for (var r = 0; r < graph.NodeCount; r++)
        {
            for (var e = graph.RowPointers[r] + 1; e < graph.RowPointers[r + 1]; e++)
            {
                if (graph.ColumnIndices[e] <= graph.ColumnIndices[e - 1])
                    Assert.Fail($"Row {r} is not strictly increasing at edge {e}: {graph.ColumnIndices[e - 1]} then {graph.ColumnIndices[e]}.");
            }
        }
    }

    public static void SameGraph(CsrGraph expected, CsrGraph actual)
    {
        Assert.Equal(expected.NodeCount, actual.NodeCount);
        Assert.Equal(expected.RowPointers, actual.RowPointers);
        Assert.Equal(expected.ColumnIndices, actual.ColumnIndices);
        Assert.Equal(expected.EdgeWeights, actual.EdgeWeights);
    }

    public static int MaxDegree(CsrGraph graph) => Enumerable.Range(0, graph.NodeCount).Max(graph.Degree);
}
