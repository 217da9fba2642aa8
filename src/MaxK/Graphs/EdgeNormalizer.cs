namespace MaxK.Graphs;

/// <summary>Replaces a graph's edge weights with a structural normalisation.</summary>
public static class EdgeNormalizer
{
    /// <summary>
    /// Returns the same structure with weights from <paramref name="normalization"/>; existing weights are
    /// ignored and the result is always weighted (an explicit E-long weight array). deg(x) is the CSR row length
    /// of x (the number of neighbours row x aggregates from, counting repeated edges and self-loops).
    /// <list type="bullet">
    /// <item><see cref="EdgeNormalization.Sum"/>: 1.</item>
    /// <item><see cref="EdgeNormalization.Mean"/>: 1 / deg(r) for edge r → c.</item>
    /// <item><see cref="EdgeNormalization.Gcn"/>: 1 / √(max(deg(r),1) · max(deg(c),1)) for edge r → c. For a
    /// symmetric graph the row degree equals the column (in-)degree, so this is the usual D^-½ A D^-½. On a
    /// non-symmetric graph a column node may have row degree 0; it is clamped to 1 as DGL's GraphConv does.</item>
    /// </list>
    /// Zero-degree rows own no edges, so Mean never divides by zero. Weights are computed in double and rounded
    /// to float once. Parallel over row blocks; O(E).
    /// </summary>
    public static CsrGraph Apply(CsrGraph graph, EdgeNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!Enum.IsDefined(normalization))
            throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown edge normalisation.");
        var rp = graph.RowPointers;
        var ci = graph.ColumnIndices;
        var weights = new float[graph.EdgeCount];
        RowBlocks.ForEach(graph, (first, end) =>
        {
            for (var r = first; r < end; r++)
            {
                var degree = rp[r + 1] - rp[r];
                for (var e = rp[r]; e < rp[r + 1]; e++)
                {
                    weights[e] = normalization switch
                    {
                        EdgeNormalization.Sum => 1f,
                        EdgeNormalization.Mean => (float)(1.0 / degree),
                        _ => (float)(1.0 / Math.Sqrt((double)degree * Math.Max(1, rp[ci[e] + 1] - rp[ci[e]]))),
                    };
                }
            }
        });
        return graph.WithWeights(weights);
    }
}
