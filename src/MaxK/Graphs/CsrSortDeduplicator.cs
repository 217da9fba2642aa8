namespace MaxK.Graphs;

/// <summary>
/// Per-row sort ascending by column and removal of repeated columns. A repeated column keeps the weight of
/// its first occurrence in the original edge order. Two passes over row blocks: sort each row into a
/// scratch copy and count its distinct columns, then compact into the exact-size result.
/// Time O(Σ d·log d), extra memory E int32 (+ E float32 when weighted) + per-thread row buffers.
/// </summary>
internal static class CsrSortDeduplicator
{
    public static CsrGraph Apply(CsrGraph graph)
    {
        if (IsSortedAndUnique(graph))
            return graph;
        var n = graph.NodeCount;
        var rp = graph.RowPointers;
        var w = graph.EdgeWeights;
        var scratchColumns = new int[graph.EdgeCount];
        var scratchWeights = w is null ? null : new float[graph.EdgeCount];
        var distinct = new int[n];
        RowBlocks.ForEach(graph, (first, end) =>
        {
            var keys = Array.Empty<long>();
            for (var r = first; r < end; r++)
                distinct[r] = SortRow(graph, r, ref keys, scratchColumns, scratchWeights);
        });

        var rowPointers = PrefixSum.Exclusive(distinct);
        var columns = new int[rowPointers[n]];
        var weights = w is null ? null : new float[rowPointers[n]];
        RowBlocks.ForEach(graph, (first, end) =>
        {
            for (var r = first; r < end; r++)
            {
                scratchColumns.AsSpan(rp[r], distinct[r]).CopyTo(columns.AsSpan(rowPointers[r]));
                scratchWeights?.AsSpan(rp[r], distinct[r]).CopyTo(weights.AsSpan(rowPointers[r]));
            }
        });
        return new CsrGraph(n, rowPointers, columns, weights);
    }

    /// <summary>True when every row's columns are strictly increasing (sorted, no repeats).</summary>
    public static bool IsSortedAndUnique(CsrGraph graph)
    {
        var ok = true;
        var rp = graph.RowPointers;
        var ci = graph.ColumnIndices;
        RowBlocks.ForEach(graph, (first, end) =>
        {
            for (var r = first; r < end && Volatile.Read(ref ok); r++)
            {
                for (var e = rp[r] + 1; e < rp[r + 1]; e++)
                {
                    if (ci[e] <= ci[e - 1])
                    {
                        Volatile.Write(ref ok, false);
                        return;
                    }
                }
            }
        });
        return ok;
    }

    // Sorts row r into the scratch arrays at the row's original offset; returns its distinct column count.
    private static int SortRow(CsrGraph graph, int r, ref long[] keys, int[] columns, float[]? weights)
    {
        var start = graph.RowPointers[r];
        var degree = graph.RowPointers[r + 1] - start;
        var ci = graph.ColumnIndices;
        if (keys.Length < degree)
            keys = new long[Math.Max(degree, keys.Length * 2)];
        // Key = (column, position in row): sorting it orders by column, then by original order.
        for (var i = 0; i < degree; i++)
            keys[i] = ((long)ci[start + i] << 32) | (uint)i;
        var row = keys.AsSpan(0, degree);
        row.Sort();
        var count = 0;
        var previous = -1;
        foreach (var key in row)
        {
            var column = (int)(key >> 32);
            if (column == previous)
                continue;
            columns[start + count] = column;
            if (weights is not null)
                weights[start + count] = graph.EdgeWeights![start + (int)(uint)key];
            count++;
            previous = column;
        }
        return count;
    }
}
