namespace MaxK.Graphs;

/// <summary>Removal and insertion of self-loops (edges r → r), two passes over row blocks each.</summary>
internal static class CsrSelfLoops
{
    public static CsrGraph Remove(CsrGraph graph) => Rebuild(graph, addOne: false);

    public static CsrGraph Add(CsrGraph graph) => Rebuild(graph, addOne: true);

    private static CsrGraph Rebuild(CsrGraph graph, bool addOne)
    {
        var n = graph.NodeCount;
        var rp = graph.RowPointers;
        var ci = graph.ColumnIndices;
        var w = graph.EdgeWeights;
        var counts = new int[n];
        RowBlocks.ForEach(graph, (first, end) =>
        {
            for (var r = first; r < end; r++)
            {
                var kept = addOne ? 1 : 0;
                for (var e = rp[r]; e < rp[r + 1]; e++)
                    kept += ci[e] == r ? 0 : 1;
                counts[r] = kept;
            }
        });
        var rowPointers = PrefixSum.Exclusive(counts);
        var columns = new int[rowPointers[n]];
        var weights = w is null ? null : new float[rowPointers[n]];
        RowBlocks.ForEach(graph, (first, end) =>
        {
            for (var r = first; r < end; r++)
            {
                var p = rowPointers[r];
                var pending = addOne;
                for (var e = rp[r]; e < rp[r + 1]; e++)
                {
                    var c = ci[e];
                    if (c == r)
                        continue;
                    if (pending && c > r)
                    {
                        Put(columns, weights, p++, r, 1f);
                        pending = false;
                    }
                    Put(columns, weights, p++, c, w is null ? 1f : w[e]);
                }
                if (pending)
                    Put(columns, weights, p, r, 1f);
            }
        });
        return new CsrGraph(n, rowPointers, columns, weights);
    }

    private static void Put(int[] columns, float[]? weights, int p, int column, float weight)
    {
        columns[p] = column;
        if (weights is not null)
            weights[p] = weight;
    }
}
