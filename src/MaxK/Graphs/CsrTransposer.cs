namespace MaxK.Graphs;

/// <summary>
/// Stable counting-sort transpose. Row blocks are counted into private column histograms, the histograms are
/// turned into per-block write cursors, and each block scatters its edges in row order, so transposed row c
/// lists its sources in ascending order (parallel edges in their original order) whatever the thread count.
/// Time O(E + B·N), extra memory B·N int32 with B capped by <see cref="ColumnHistogram"/>.
/// </summary>
internal static class CsrTransposer
{
    public static CsrGraph Transpose(CsrGraph graph, bool keepWeights)
    {
        var n = graph.NodeCount;
        var bounds = ColumnHistogram.BlocksFor(graph);
        var cursors = ColumnHistogram.PerBlock(graph, bounds);
        var rowPointersT = PrefixSum.Exclusive(ColumnHistogram.Total(cursors, n));

        // Turn counts into write cursors: block b writes column c's entries after blocks 0..b-1.
        RowBlocks.ForEachChunk(n, 1 << 16, (first, end) =>
        {
            for (var c = first; c < end; c++)
            {
                var offset = rowPointersT[c];
                foreach (var h in cursors)
                {
                    var count = h[c];
                    h[c] = offset;
                    offset += count;
                }
            }
        });

        var rp = graph.RowPointers;
        var ci = graph.ColumnIndices;
        var w = keepWeights ? graph.EdgeWeights : null;
        var columnsT = new int[graph.EdgeCount];
        var weightsT = w is null ? null : new float[graph.EdgeCount];
        Parallel.For(0, bounds.Length - 1, b =>
        {
            var cursor = cursors[b];
            for (var r = bounds[b]; r < bounds[b + 1]; r++)
            {
                for (var e = rp[r]; e < rp[r + 1]; e++)
                {
                    var p = cursor[ci[e]]++;
                    columnsT[p] = r;
                    if (weightsT is not null)
                        weightsT[p] = w![e];
                }
            }
        });
        return new CsrGraph(n, rowPointersT, columnsT, weightsT);
    }
}
