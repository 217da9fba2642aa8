namespace MaxK.Graphs;

/// <summary>
/// Union of A and Aᵀ as an unweighted graph with strictly increasing columns per row: S = dedup(A) (a no-op
/// copy-free pass when A is already sorted and unique), T = transpose(S), then each output row is the merge of
/// two strictly increasing lists. Time O(E log d_max + B·N), extra memory about 2E int32 besides the result.
/// </summary>
internal static class CsrSymmetrizer
{
    public static CsrGraph Apply(CsrGraph graph)
    {
        var structure = graph.IsWeighted
            ? new CsrGraph(graph.NodeCount, graph.RowPointers, graph.ColumnIndices)
            : graph;
        var sorted = CsrSortDeduplicator.Apply(structure);
        var transposed = CsrTransposer.Transpose(sorted, keepWeights: false);
        var n = graph.NodeCount;
        var counts = new int[n];
        RowBlocks.ForEach(sorted, (first, end) =>
        {
            for (var r = first; r < end; r++)
                counts[r] = Merge(Row(sorted, r), Row(transposed, r), []);
        });
        var rowPointers = PrefixSum.Exclusive(counts);
        var columns = new int[rowPointers[n]];
        RowBlocks.ForEach(sorted, (first, end) =>
        {
            for (var r = first; r < end; r++)
                Merge(Row(sorted, r), Row(transposed, r), columns.AsSpan(rowPointers[r], counts[r]));
        });
        return new CsrGraph(n, rowPointers, columns);
    }

    private static ReadOnlySpan<int> Row(CsrGraph g, int r) =>
        g.ColumnIndices.AsSpan(g.RowPointers[r], g.RowPointers[r + 1] - g.RowPointers[r]);

    // Merges two strictly increasing lists without repeats; writes into output unless it is empty.
    private static int Merge(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> output)
    {
        var write = !output.IsEmpty;
        int i = 0, j = 0, count = 0;
        while (i < a.Length || j < b.Length)
        {
            int next;
            if (j == b.Length || (i < a.Length && a[i] < b[j]))
                next = a[i++];
            else if (i == a.Length || b[j] < a[i])
                next = b[j++];
            else
            {
                next = a[i++];
                j++;
            }
            if (write)
                output[count] = next;
            count++;
        }
        return count;
    }
}
