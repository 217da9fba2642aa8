namespace MaxK.Graphs;

/// <summary>
/// Structural graph operations. All run in parallel over row blocks, produce new graphs (inputs are never
/// modified) and give the same result for any thread count. Sizes: N nodes, E edges, d a row's degree.
/// </summary>
public static class GraphOps
{
    /// <summary>
    /// Aᵀ: edge r → c becomes c → r with the same weight. Row c of the result lists its sources in ascending
    /// order (parallel edges keep their relative order). Time O(E + B·N); extra memory at most 128 MiB of
    /// block histograms plus the result.
    /// </summary>
    public static CsrGraph Transpose(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return CsrTransposer.Transpose(graph, keepWeights: true);
    }

    /// <summary>
    /// The union of A and Aᵀ: c ∈ row r iff r → c or c → r in A. Repeated edges are removed, columns are sorted
    /// ascending per row, self-loops are kept once, and weights are dropped (the result is unweighted).
    /// </summary>
    public static CsrGraph Symmetrize(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return CsrSymmetrizer.Apply(graph);
    }

    /// <summary>
    /// DGL AddSelfLoop semantics: removes every existing self-loop, then adds exactly one r → r per node, with
    /// weight 1 when the graph is weighted. The loop is placed immediately before the row's first remaining
    /// column greater than r (at the end if none), so a sorted row stays sorted. Result: E − loops + N edges.
    /// </summary>
    public static CsrGraph AddSelfLoops(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return CsrSelfLoops.Add(graph);
    }

    /// <summary>Removes every edge r → r; other edges keep their order and weights.</summary>
    public static CsrGraph RemoveSelfLoops(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return CsrSelfLoops.Remove(graph);
    }

    /// <summary>
    /// Sorts every row's columns ascending and drops repeated columns; a repeated column keeps the weight of its
    /// first occurrence in the original edge order. Returns <paramref name="graph"/> itself when every row is
    /// already strictly increasing.
    /// </summary>
    public static CsrGraph SortAndDeduplicate(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return CsrSortDeduplicator.Apply(graph);
    }

    /// <summary>True when every row's columns are strictly increasing (sorted ascending, no repeated column).</summary>
    public static bool IsSortedAndUnique(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return CsrSortDeduplicator.IsSortedAndUnique(graph);
    }

    /// <summary>Number of stored edges into each node (column counts), length N.</summary>
    public static int[] InDegrees(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return ColumnHistogram.InDegrees(graph);
    }
}
